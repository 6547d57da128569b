// One small stylesheet inlined into every page: no build step, no extra request.
export const STYLES = `
:root { --fg:#1c2430; --muted:#5b6675; --line:#dde2e8; --bg:#f5f7f9; --card:#fff; --accent:#0f766e; --accent-d:#0b5953; --err:#b42318; --ok:#067647; --warn:#b54708; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
a { color: var(--accent); }
.topbar { display:flex; align-items:center; gap:1.5rem; padding:.6rem 1.5rem; background:#14213d; color:#fff; flex-wrap:wrap; }
.topbar a { color:#dfe6ee; text-decoration:none; }
.topbar .brand { font-weight:700; font-size:1.1rem; color:#fff; letter-spacing:.02em; }
.topbar nav { display:flex; gap:1rem; flex:1; flex-wrap:wrap; }
.topbar nav a[aria-current=page] { color:#fff; border-bottom:2px solid #5eead4; }
.signout { display:flex; gap:.6rem; align-items:center; margin:0; }
.who small { color:#aab6c4; }
button.link { background:none; border:0; color:#dfe6ee; cursor:pointer; text-decoration:underline; padding:0; font:inherit; }
main { max-width:1100px; margin:1.5rem auto; padding:0 1.25rem; }
h1 { font-size:1.5rem; margin:.2rem 0 1rem; }
h2 { font-size:1.15rem; margin:1.5rem 0 .6rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem 1.25rem; margin-bottom:1rem; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(220px,1fr)); gap:1rem; }
.stat { font-size:1.8rem; font-weight:700; }
.stat-label { color:var(--muted); font-size:.85rem; }
table { width:100%; border-collapse:collapse; background:var(--card); border:1px solid var(--line); border-radius:8px; overflow:hidden; }
th, td { text-align:left; padding:.55rem .75rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef2f5; font-size:.8rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
tr:last-child td { border-bottom:0; }
.field { display:flex; flex-direction:column; gap:.25rem; margin-bottom:.8rem; }
.field label { font-weight:600; font-size:.9rem; }
.field input, .field select, textarea { padding:.5rem .6rem; border:1px solid #b8c2cc; border-radius:6px; font:inherit; background:#fff; }
.field input:focus, .field select:focus, textarea:focus, button:focus, a:focus { outline:3px solid #99f6e4; outline-offset:1px; }
.has-error input, .has-error select { border-color:var(--err); }
.error { color:var(--err); }
.hint { color:var(--muted); }
.error-summary { background:#fef3f2; border:1px solid #fecdca; color:var(--err); padding:.6rem .9rem; border-radius:6px; margin-bottom:1rem; }
.flash { background:#ecfdf3; border:1px solid #abefc6; color:var(--ok); padding:.6rem .9rem; border-radius:6px; }
.btn, button.btn { display:inline-block; background:var(--accent); color:#fff; border:0; border-radius:6px; padding:.5rem 1rem; font:inherit; font-weight:600; cursor:pointer; text-decoration:none; }
.btn:hover { background:var(--accent-d); }
.btn.secondary { background:#fff; color:var(--fg); border:1px solid #b8c2cc; }
.btn.danger { background:var(--err); }
.row { display:flex; gap:1rem; align-items:center; flex-wrap:wrap; justify-content:space-between; }
.form-grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(200px,1fr)); gap:0 1rem; }
.badge { display:inline-block; padding:.05rem .5rem; border-radius:999px; font-size:.8rem; background:#eef2f5; color:var(--muted); }
.badge.ok { background:#ecfdf3; color:var(--ok); }
.badge.warn { background:#fffaeb; color:var(--warn); }
.muted { color:var(--muted); }
.auth-box { max-width:420px; margin:3rem auto; }
.secret { font-family:ui-monospace,monospace; background:#fffaeb; border:1px solid #fedf89; padding:.6rem; border-radius:6px; word-break:break-all; }
@media (max-width:640px) { .topbar { gap:.6rem; } main { padding:0 .75rem; } th, td { padding:.45rem; } }
`;
