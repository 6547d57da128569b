// One small stylesheet inlined into every page: no build step, no extra request.
export const STYLES = `
:root { --fg:#1c2430; --muted:#5b6675; --line:#dde2e8; --bg:#f5f7f9; --card:#fff; --accent:#0f766e; --accent-d:#0b5953; --err:#b42318; --ok:#067647; --warn:#b54708; --focus:#1d4ed8; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
a { color: var(--accent); }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; border-radius:2px; }
.topbar :focus-visible { outline-color:#facc15; }
.skip { position:absolute; left:-999px; top:.5rem; background:#fff; color:var(--fg); padding:.5rem 1rem; z-index:10; }
.skip:focus { left:.5rem; }
.sr-only { position:absolute; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); white-space:nowrap; border:0; }
.topbar { display:flex; align-items:center; gap:.5rem 1.5rem; padding:.6rem 1.5rem; background:#14213d; color:#fff; flex-wrap:wrap; }
.topbar a { color:#dfe6ee; text-decoration:none; padding:.2rem 0; }
.topbar a:hover { color:#fff; }
.topbar .brand { font-weight:700; font-size:1.1rem; color:#fff; letter-spacing:.02em; }
.topbar nav { display:flex; gap:.25rem 1rem; flex:1; flex-wrap:wrap; }
.topbar nav a[aria-current=page] { color:#fff; border-bottom:2px solid #5eead4; }
.signout { display:flex; gap:.6rem; align-items:center; margin:0; }
.who small { color:#aab6c4; }
button.link { background:none; border:0; color:#dfe6ee; cursor:pointer; text-decoration:underline; padding:0; font:inherit; }
main { max-width:1100px; margin:1.5rem auto 3rem; padding:0 1.25rem; }
h1 { font-size:1.5rem; margin:.2rem 0 .3rem; }
h2 { font-size:1.15rem; margin:1.5rem 0 .6rem; }
h2.first, .card > h2:first-child { margin-top:0; }
h3 { font-size:1rem; margin:0 0 .6rem; }
.page-header { display:flex; gap:.75rem 1.5rem; align-items:flex-end; justify-content:space-between; flex-wrap:wrap; margin-bottom:1.25rem; }
.page-header .subtitle { margin:0; }
.page-header .actions { display:flex; gap:.75rem; align-items:center; flex-wrap:wrap; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem 1.25rem; margin-bottom:1rem; }
.spaced { margin-top:1.5rem; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(200px,1fr)); gap:1rem; }
.stats .card { margin-bottom:0; }
.columns { display:grid; grid-template-columns:repeat(auto-fit,minmax(320px,1fr)); gap:1rem; align-items:start; margin-top:1rem; }
.stat { font-size:1.8rem; font-weight:700; line-height:1.2; }
.money-line { display:block; }
.stat-label { color:var(--muted); font-size:.85rem; }
.small { font-size:.85rem; }
.nowrap { white-space:nowrap; }
.muted { color:var(--muted); }
.note { background:#f0f4f8; border-left:4px solid #8aa0b8; padding:.5rem .8rem; border-radius:4px; margin:.8rem 0; }
.plain-list { list-style:none; padding:0; margin:0; }
.plain-list li { padding:.45rem 0; border-bottom:1px solid var(--line); }
.plain-list li:last-child { border-bottom:0; }
.row { display:flex; gap:.5rem 1rem; align-items:center; flex-wrap:wrap; justify-content:space-between; }
table { width:100%; border-collapse:collapse; background:var(--card); border:1px solid var(--line); border-radius:8px; overflow:hidden; }
.card table { border-radius:6px; }
th, td { text-align:left; padding:.55rem .75rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef2f5; font-size:.78rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
tr:last-child td { border-bottom:0; }
th.num, td.num { text-align:right; white-space:nowrap; }
td.url { word-break:break-all; }
td.row-actions { text-align:right; white-space:nowrap; }
tr.inactive td { color:var(--muted); background:#fafbfc; }
.tags { list-style:none; display:flex; flex-wrap:wrap; gap:.25rem; padding:0; margin:0; }
.tags li { background:#eef2f5; border-radius:4px; padding:0 .4rem; font-size:.8rem; white-space:nowrap; }
.catalogue td { font-size:.92rem; }
.field { display:flex; flex-direction:column; gap:.25rem; margin-bottom:.9rem; min-width:0; }
.field.wide { grid-column:1/-1; }
.field label, legend { font-weight:600; font-size:.9rem; }
.optional { font-weight:400; color:var(--muted); }
.field input, .field select, textarea, .role-form select { padding:.5rem .6rem; border:1px solid #8d99a6; border-radius:6px; font:inherit; background:#fff; color:var(--fg); width:100%; min-height:2.5rem; }
textarea { resize:vertical; }
.has-error input, .has-error select, .has-error textarea { border-color:var(--err); border-width:2px; }
.error { color:var(--err); font-weight:600; }
.hint { color:var(--muted); }
.choices { border:1px solid var(--line); border-radius:6px; padding:.5rem .9rem .7rem; margin:0 0 .9rem; min-width:0; }
.choices legend { padding:0 .3rem; }
.choice { display:flex; gap:.5rem; align-items:baseline; padding:.2rem 0; cursor:pointer; }
.choice input { width:1.05rem; height:1.05rem; margin:0; flex:none; accent-color:var(--accent); transform:translateY(.15rem); }
.choices.has-error { border-color:var(--err); }
.error-summary { background:#fef3f2; border:1px solid #fecdca; color:var(--err); padding:.6rem .9rem; border-radius:6px; margin-bottom:1rem; font-weight:600; }
.flash { background:#ecfdf3; border:1px solid #abefc6; color:var(--ok); padding:.6rem .9rem; border-radius:6px; margin-top:0; }
.btn, button.btn { display:inline-block; background:var(--accent); color:#fff; border:1px solid var(--accent); border-radius:6px; padding:.5rem 1rem; font:inherit; font-weight:600; cursor:pointer; text-decoration:none; line-height:1.4; }
.btn:hover { background:var(--accent-d); }
.btn.secondary { background:#fff; color:var(--fg); border-color:#8d99a6; }
.btn.secondary:hover { background:#eef2f5; }
.btn.danger { background:#fff; color:var(--err); border-color:#f0a59d; }
.btn.danger:hover { background:#fef3f2; }
.btn.small { padding:.25rem .7rem; font-size:.88rem; }
form.inline { display:inline-flex; gap:.4rem; align-items:center; margin:0; }
.role-form select { width:auto; min-height:2rem; padding:.25rem .5rem; }
.form-grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(220px,1fr)); gap:0 1rem; align-items:start; }
.form-grid.cols-3 { grid-template-columns:repeat(auto-fit,minmax(260px,1fr)); }
.form-actions { display:flex; gap:1rem; align-items:center; }
.subform { border-top:1px solid var(--line); margin-top:1rem; padding-top:1rem; }
.filters { display:flex; gap:.5rem 1rem; align-items:flex-end; flex-wrap:wrap; margin-bottom:1rem; }
.filters .field { margin-bottom:0; flex:1 1 200px; }
.filters .field:nth-child(2) { flex:0 1 200px; }
.pager { display:flex; gap:1.5rem; justify-content:flex-end; margin:1rem 0; }
.facts { display:grid; grid-template-columns:repeat(auto-fill,minmax(140px,1fr)); gap:.6rem 1.25rem; margin:0 0 1rem; }
.facts dt { color:var(--muted); font-size:.8rem; text-transform:uppercase; letter-spacing:.04em; }
.facts dd { margin:0; }
.contract-actions { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; }
.contract-actions .wide { flex-basis:100%; margin:.25rem 0 0; }
details.archived { margin:.75rem 0; }
details.archived summary { cursor:pointer; color:var(--muted); }
.badge { display:inline-block; padding:.05rem .5rem; border-radius:999px; font-size:.8rem; background:#eef2f5; color:var(--muted); white-space:nowrap; }
.badge.ok { background:#ecfdf3; color:var(--ok); }
.badge.warn { background:#fffaeb; color:var(--warn); }
.badge.err { background:#fef3f2; color:var(--err); }
.badge.strong { font-weight:700; }
/* Monitoring: status dots, charts, timelines. */
.status-dot { display:inline-block; width:.6rem; height:.6rem; border-radius:50%; background:#8d99a6; margin-right:.35rem; }
.status-dot.up { background:var(--ok); } .status-dot.degraded { background:var(--warn); } .status-dot.down { background:var(--err); }
.tabs { display:flex; flex-wrap:wrap; gap:.25rem; margin:0 0 1rem; padding:0; list-style:none; }
.tabs a { display:inline-block; padding:.3rem .8rem; border:1px solid var(--line); border-radius:999px; text-decoration:none; background:#fff; }
.tabs a[aria-current] { background:var(--accent); border-color:var(--accent); color:#fff; }
.chart { margin:0; }
.chart svg { width:100%; height:auto; display:block; }
.legend { list-style:none; display:flex; flex-wrap:wrap; gap:.25rem 1rem; padding:0; margin:.4rem 0 0; font-size:.85rem; color:var(--muted); }
.swatch { display:inline-block; width:.8rem; height:.8rem; border-radius:2px; vertical-align:-.1rem; }
.sparkline { display:block; }
.timeline { list-style:none; margin:0; padding:0 0 0 1rem; border-left:2px solid var(--line); }
.timeline li { position:relative; padding:.1rem 0 .9rem .6rem; }
.timeline li::before { content:''; position:absolute; left:-1.45rem; top:.45rem; width:.7rem; height:.7rem; border-radius:50%; background:#fff; border:2px solid #8d99a6; }
.timeline li.ev-opened::before, .timeline li.ev-reopened::before { border-color:var(--err); }
.timeline li.ev-resolved::before { border-color:var(--ok); }
.timeline li.ev-acknowledged::before { border-color:var(--accent); }
.timeline time { color:var(--muted); font-size:.85rem; margin-right:.5rem; }
.timeline .note-text { white-space:pre-wrap; margin:.25rem 0 0; background:#f8fafc; border:1px solid var(--line); border-radius:6px; padding:.4rem .6rem; }
.weekdays .choices { display:flex; flex-wrap:wrap; gap:0 1.25rem; }
pre.mail-body { white-space:pre-wrap; font-size:.85rem; background:#f8fafc; border:1px solid var(--line); border-radius:6px; padding:.6rem; margin:.5rem 0 0; }
.auth-box { max-width:420px; margin:3rem auto; }
.secret-card { border-color:#fedf89; background:#fffdf5; }
.secret { font-family:ui-monospace,monospace; background:#fffaeb; border:1px solid #fedf89; padding:.6rem; border-radius:6px; width:100%; font-size:.95rem; word-break:break-all; resize:none; }
@media (max-width:700px) {
  .topbar { gap:.4rem .9rem; padding:.6rem .9rem; }
  .topbar nav { order:3; flex-basis:100%; gap:.25rem .9rem; }
  .signout { margin-left:auto; }
  main { padding:0 .75rem; margin-top:1rem; }
  .card { padding:.9rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display:block; width:100%; }
  table.stack thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0,0,0,0); }
  table.stack tr { border-bottom:1px solid var(--line); padding:.4rem 0; }
  table.stack tr:last-child { border-bottom:0; }
  table.stack td { border:0; padding:.15rem .75rem; text-align:left; }
  /* Label on the left, the cell's own content (whatever it is) flowing on the right. */
  table.stack td[data-label] { position:relative; padding-left:calc(36% + .75rem); min-height:1.6rem; }
  table.stack td[data-label]::before { content:attr(data-label); position:absolute; left:.75rem; top:.3rem; width:34%; font-size:.72rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
  /* The first cell names the row: it reads as the card's title, without a label. */
  table.stack td[data-label]:first-child { padding-left:.75rem; padding-top:.3rem; font-size:1.02rem; }
  table.stack td[data-label]:first-child::before { content:none; }
  table.stack td.url { word-break:break-all; }
  table.stack td.row-actions { text-align:left; padding:.4rem .75rem .2rem; }
  .stat { font-size:1.5rem; }
}
`;
