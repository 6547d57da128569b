// The portal's one stylesheet, inlined: no build step, no extra request, no JavaScript.
// Generic classes (card, grid, table, badge, btn, muted, field) are for the content pages too.
export const PORTAL_STYLES = `
:root { --fg:#1c2430; --muted:#566170; --line:#dde2e8; --bg:#f6f7f9; --card:#fff; --accent:#1d4ed8; --accent-d:#1e40af; --err:#b42318; --ok:#067647; --warn:#b54708; --focus:#1d4ed8; --head:#ffffff; }
* { box-sizing:border-box; }
body { margin:0; font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
a { color:var(--accent); }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; border-radius:2px; }
.skip { position:absolute; left:-999px; top:.5rem; background:#fff; color:var(--fg); padding:.5rem 1rem; z-index:10; }
.skip:focus { left:.5rem; }
.sr-only { position:absolute; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); white-space:nowrap; border:0; }
.p-header { background:var(--head); border-bottom:1px solid var(--line); }
.p-bar { max-width:1040px; margin:0 auto; padding:.75rem 1.25rem; display:flex; align-items:center; gap:.5rem 1.25rem; flex-wrap:wrap; }
.p-brand { display:flex; align-items:center; gap:.6rem; color:var(--fg); text-decoration:none; font-weight:700; font-size:1.05rem; margin-right:auto; }
.p-brand img { height:32px; width:auto; max-width:160px; object-fit:contain; }
.p-brand small { display:block; font-weight:400; color:var(--muted); font-size:.8rem; }
.p-who { display:flex; align-items:center; gap:.75rem; margin:0; font-size:.9rem; color:var(--muted); flex-wrap:wrap; }
.p-nav { max-width:1040px; margin:0 auto; padding:0 1.25rem; }
.p-nav ul { list-style:none; margin:0; padding:0; display:flex; flex-wrap:wrap; gap:0 1.25rem; }
.p-nav a { display:block; padding:.55rem 0 .5rem; color:var(--muted); text-decoration:none; border-bottom:3px solid transparent; white-space:nowrap; }
.p-nav a:hover { color:var(--fg); }
.p-nav a[aria-current=page] { color:var(--fg); border-bottom-color:var(--accent); font-weight:600; }
main { max-width:1040px; margin:1.5rem auto 3rem; padding:0 1.25rem; }
footer.p-footer { max-width:1040px; margin:0 auto 2rem; padding:0 1.25rem; color:var(--muted); font-size:.85rem; }
h1 { font-size:1.6rem; line-height:1.25; margin:.2rem 0 .8rem; }
h2 { font-size:1.2rem; margin:1.5rem 0 .6rem; }
h3 { font-size:1rem; margin:0 0 .5rem; }
.muted { color:var(--muted); }
.small { font-size:.875rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:1rem 1.25rem; margin-bottom:1rem; }
.card > h2:first-child { margin-top:0; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(240px,1fr)); gap:1rem; }
/* Cards in a grid are spaced by its gap; the grid itself keeps the cards' bottom margin. */
.grid > .card { margin-bottom:0; } main > .grid { margin-bottom:1rem; }
.badge { display:inline-block; padding:.1rem .55rem; border-radius:999px; font-size:.8rem; font-weight:600; border:1px solid currentColor; }
.badge.ok { color:var(--ok); } .badge.warn { color:var(--warn); } .badge.err { color:var(--err); } .badge.muted { color:var(--muted); }
table { width:100%; border-collapse:collapse; }
th, td { text-align:left; padding:.5rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:.85rem; color:var(--muted); font-weight:600; }
.table-wrap { overflow-x:auto; }
.facts { display:grid; grid-template-columns:max-content 1fr; gap:.4rem 1.5rem; margin:0; }
.facts dt { color:var(--muted); } .facts dd { margin:0; }
.flash { background:#ecfdf3; border:1px solid #abefc6; color:#05603a; padding:.6rem .9rem; border-radius:8px; }
.notice { background:#eff4ff; border:1px solid #c7d7fe; padding:.6rem .9rem; border-radius:8px; }
.error-summary { background:#fef3f2; border:1px solid #fecdca; color:var(--err); padding:.6rem .9rem; border-radius:8px; margin-bottom:1rem; }
.auth { max-width:26rem; margin:2.5rem auto; }
.auth .card { padding:1.5rem; }
.field { margin-bottom:1rem; }
.field label { display:block; font-weight:600; margin-bottom:.3rem; }
.field .hint { color:var(--muted); font-size:.85rem; margin:.25rem 0 0; }
input[type=email], input[type=password], input[type=text], select, textarea { width:100%; font:inherit; padding:.6rem .7rem; border:1px solid #9aa4b1; border-radius:6px; background:#fff; color:var(--fg); }
.btn { display:inline-block; font:inherit; font-weight:600; padding:.6rem 1.1rem; border-radius:6px; border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; }
.btn:hover { background:var(--accent-d); }
.btn.block { width:100%; }
.btn.secondary { background:#fff; color:var(--accent); }
button.link { background:none; border:0; color:var(--accent); cursor:pointer; text-decoration:underline; padding:0; font:inherit; }
.choices { list-style:none; padding:0; margin:0; display:grid; gap:.6rem; }
.alt { margin-top:1.25rem; padding-top:1rem; border-top:1px solid var(--line); }
@media (max-width:560px) {
  .p-bar { padding:.6rem 1rem; }
  .p-nav, main, footer.p-footer { padding-left:1rem; padding-right:1rem; }
  .p-nav ul { column-gap:1rem; }
  h1 { font-size:1.35rem; }
  .auth { margin-top:1.25rem; }
}
`;
