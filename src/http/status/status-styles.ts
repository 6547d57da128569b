import { INK, textColorOn, WHITE, withContrast } from './contrast.ts';

// The public page's stylesheet, inlined (no extra request, no JavaScript). Brand colours come in
// as custom properties, each paired with a text colour that meets WCAG AA against it.

const HEX = /^#[0-9a-f]{6}$/i;
const safe = (color: string, fallback: string) => (HEX.test(color) ? color.toLowerCase() : fallback);

export function brandVariables(brandColor: string, accentColor: string): string {
  const brand = safe(brandColor, '#14213d');
  const accent = withContrast(safe(accentColor, '#0f766e'), WHITE);
  return `:root{--brand:${brand};--on-brand:${textColorOn(brand)};--accent:${accent};--on-accent:${textColorOn(accent)}}`;
}

export const STATUS_STYLES = `
:root { --ink:${INK}; --muted:#4b5563; --line:#e5e7eb; --bg:#f7f8fa; --card:#fff;
  --ok:#15803d; --ok-bar:#16a34a; --minor:#b45309; --minor-bar:#d97706; --major:#b91c1c; --major-bar:#dc2626;
  --maint:#1d4ed8; --maint-bar:#3b82f6; --nodata-bar:#b6bec9; --focus:#1d4ed8; }
* { box-sizing:border-box; }
html { -webkit-text-size-adjust:100%; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--accent); text-underline-offset:2px; }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
.skip { position:absolute; left:-999px; top:.5rem; background:#fff; color:var(--ink); padding:.5rem 1rem; z-index:20; }
.skip:focus { left:.5rem; }
.sr-only { position:absolute; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); white-space:nowrap; border:0; }
.masthead { background:var(--brand); color:var(--on-brand); }
.masthead .inner { max-width:860px; margin:0 auto; padding:1.1rem 1.25rem; display:flex; align-items:center; gap:1rem; flex-wrap:wrap; }
.masthead a { color:var(--on-brand); text-decoration:none; }
.masthead img { max-height:44px; max-width:200px; display:block; }
.masthead h1 { font-size:1.35rem; margin:0; line-height:1.2; }
.masthead :focus-visible { outline-color:currentColor; }
main { max-width:860px; margin:0 auto; padding:1.25rem 1.25rem 2rem; }
h2 { font-size:1.15rem; margin:2rem 0 .75rem; }
h3 { font-size:1rem; margin:0; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:1rem 1.25rem; margin:0 0 1rem; }
.banner { display:flex; gap:.9rem; align-items:center; border-radius:10px; padding:1rem 1.25rem; color:#fff; margin:0 0 .4rem; }
.banner p { margin:0; font-size:1.2rem; font-weight:700; }
.banner.operational { background:var(--ok); } .banner.degraded { background:var(--minor); }
.banner.partial_outage, .banner.major_outage { background:var(--major); } .banner.maintenance { background:var(--maint); }
.banner .icon { flex:none; width:1.6rem; height:1.6rem; border-radius:50%; background:rgba(255,255,255,.25); border:3px solid #fff; }
.meta { color:var(--muted); font-size:.9rem; margin:.2rem 0 0; }
.components { list-style:none; margin:0; padding:0; }
.component { padding:1rem 0 .9rem; border-bottom:1px solid var(--line); }
.component:last-child { border-bottom:0; padding-bottom:.2rem; }
.component:first-child { padding-top:.2rem; }
.component-head { display:flex; justify-content:space-between; align-items:baseline; gap:.25rem 1rem; flex-wrap:wrap; margin-bottom:.5rem; }
.component-name { font-weight:650; font-size:1.02rem; margin:0; }
.state { font-weight:600; font-size:.92rem; white-space:nowrap; }
.state::before { content:''; display:inline-block; width:.65rem; height:.65rem; border-radius:50%; margin-right:.4rem; background:currentColor; vertical-align:.05rem; }
.state.operational { color:var(--ok); } .state.degraded { color:var(--minor); } .state.outage { color:var(--major); }
.state.maintenance { color:var(--maint); } .state.unknown { color:var(--muted); }
.group > h3 { font-size:.8rem; text-transform:uppercase; letter-spacing:.06em; color:var(--muted); margin:.4rem 0 .2rem; }
.group + .group { margin-top:1.2rem; }
.bars { list-style:none; margin:0; padding:0; display:grid; grid-template-columns:repeat(90,1fr); gap:2px; height:2.1rem; }
.bars li { position:relative; border-radius:2px; background:var(--nodata-bar); min-width:0; }
.bars li.ok { background:var(--ok-bar); } .bars li.minor { background:var(--minor-bar); }
.bars li.major { background:var(--major-bar); } .bars li.maint { background:var(--maint-bar); }
.bars li:hover { box-shadow:0 0 0 2px var(--ink); }
.bars li:focus-visible { outline:3px solid var(--focus); outline-offset:1px; }
.bars li::after { content:attr(data-tip); position:absolute; bottom:calc(100% + 6px); left:50%; transform:translateX(-50%); width:max-content; max-width:15rem; white-space:pre-line; background:#111827; color:#fff; font-size:.8rem; line-height:1.35; padding:.4rem .55rem; border-radius:6px; z-index:10; pointer-events:none; opacity:0; visibility:hidden; }
.bars li.tip-l::after { left:0; transform:none; } .bars li.tip-r::after { left:auto; right:0; transform:none; }
.bars li:hover::after, .bars li:focus::after { opacity:1; visibility:visible; }
.bar-scale { display:flex; justify-content:space-between; gap:.5rem; font-size:.8rem; color:var(--muted); margin-top:.3rem; }
.bar-scale .uptime { color:var(--ink); font-weight:600; text-align:center; }
.short { display:none; }
.legend { list-style:none; display:flex; flex-wrap:wrap; gap:.3rem 1rem; padding:0; margin:.6rem 0 0; font-size:.82rem; color:var(--muted); }
.swatch { display:inline-block; width:.75rem; height:.75rem; border-radius:2px; margin-right:.35rem; vertical-align:-.05rem; background:var(--nodata-bar); }
.swatch.ok { background:var(--ok-bar); } .swatch.minor { background:var(--minor-bar); } .swatch.major { background:var(--major-bar); } .swatch.maint { background:var(--maint-bar); }
.incidents { list-style:none; margin:0; padding:0; }
.incident { border-left:4px solid var(--major); }
.incident.resolved { border-left-color:var(--ok); }
.incident h3 { font-size:1.05rem; }
.incident h3 a { color:var(--ink); }
.stage { display:inline-block; font-size:.8rem; font-weight:700; border-radius:999px; padding:.05rem .55rem; margin:.35rem 0; background:#fef2f2; color:var(--major); }
.stage.monitoring, .stage.identified { background:#fffbeb; color:#92400e; }
.stage.resolved { background:#f0fdf4; color:var(--ok); }
.updates { list-style:none; margin:.6rem 0 0; padding:0 0 0 1rem; border-left:2px solid var(--line); }
.updates li { margin:0 0 .8rem; }
.updates p { margin:.15rem 0 0; white-space:pre-wrap; overflow-wrap:anywhere; }
.updates .when { color:var(--muted); font-size:.85rem; }
.updates strong { font-size:.9rem; }
.history li { padding:.6rem 0; border-bottom:1px solid var(--line); }
.history li:last-child { border-bottom:0; }
.history .line { display:flex; justify-content:space-between; gap:.2rem 1rem; flex-wrap:wrap; }
.maintenance-list { list-style:none; margin:0; padding:0; }
.maintenance-list li { border-left:4px solid var(--maint); }
.badge { display:inline-block; font-size:.78rem; font-weight:700; border-radius:999px; padding:.05rem .55rem; background:#eff6ff; color:var(--maint); margin-right:.4rem; }
.chart { margin:0 0 1.25rem; }
.chart figcaption { font-weight:600; margin-bottom:.4rem; }
.chart .plot { position:relative; height:6.5rem; margin-left:4.2rem; }
.chart svg { position:absolute; inset:0; width:100%; height:100%; display:block; overflow:visible; }
.chart .line { fill:none; stroke:var(--accent); stroke-width:2; stroke-linejoin:round; vector-effect:non-scaling-stroke; }
.chart .grid { stroke:var(--line); vector-effect:non-scaling-stroke; }
.chart .axis { stroke:#9ca3af; vector-effect:non-scaling-stroke; }
.chart .hover { fill:transparent; }
.chart .hover:hover { fill:rgba(17,24,39,.06); }
.chart .y-label { position:absolute; right:calc(100% + .4rem); transform:translateY(-50%); font-size:.78rem; color:var(--muted); white-space:nowrap; }
.chart .x-labels { display:flex; justify-content:space-between; margin-left:4.2rem; font-size:.78rem; color:var(--muted); padding-top:.2rem; }
.muted { color:var(--muted); }
.small { font-size:.88rem; }
.feeds { font-size:.9rem; color:var(--muted); }
.feeds a { margin-left:.5rem; white-space:nowrap; }
footer { max-width:860px; margin:0 auto; padding:1rem 1.25rem 2.5rem; font-size:.9rem; color:var(--muted); }
footer ul { list-style:none; display:flex; flex-wrap:wrap; gap:.4rem 1.25rem; padding:0; margin:0 0 .8rem; }
footer .powered a { color:var(--muted); }
@media (max-width:600px) {
  body { font-size:15px; }
  .masthead .inner { padding:.9rem 1rem; }
  main { padding:1rem .85rem 1.5rem; }
  .card { padding:.9rem 1rem; }
  .banner p { font-size:1.08rem; }
  .bars { grid-template-columns:repeat(30,1fr); gap:2px; }
  .bars li:nth-child(-n+60) { display:none; }
  .long { display:none; } .short { display:inline; }
  .bar-scale { flex-wrap:wrap; }
  .bar-scale .uptime { order:3; flex-basis:100%; text-align:left; }
  footer { padding:1rem .85rem 2rem; }
}
@media (prefers-reduced-motion:no-preference) { .bars li::after { transition:opacity .1s; } }
`;
