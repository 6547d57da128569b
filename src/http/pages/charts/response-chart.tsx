import type { ResponsePoint, ResponseSeries } from '../../../domain/monitoring/response-series-view.ts';
import { timeTicks } from './time-ticks.ts';

// Response time per bucket as an SVG bar chart. Raw series (24 h) stack the phases of a request,
// which are durations in sequence: DNS, connect, TLS, waiting for the first byte, the rest (download);
// the top of a bar is the average total. Rollup series show the average total with a min–max
// whisker and a p95 tick (approximate, from histogram buckets).

const W = 760;
const H = 260;
const M = { left: 58, right: 12, top: 14, bottom: 34 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

export const PHASES = [
  { key: 'dnsMs', label: 'DNS', color: '#8b5cf6' },
  { key: 'connectMs', label: 'Connect', color: '#0ea5e9' },
  { key: 'tlsMs', label: 'TLS', color: '#f59e0b' },
  { key: 'firstByteMs', label: 'Waiting (first byte)', color: '#0f766e' },
  { key: 'otherMs', label: 'Rest of the response', color: '#94a3b8' },
] as const;

type Layer = { key: string; ms: number };

function layersOf(p: ResponsePoint): Layer[] {
  if (!p.phases) return [{ key: 'avg', ms: p.avgTotalMs ?? 0 }];
  const parts = [p.phases.dnsMs, p.phases.connectMs, p.phases.tlsMs, p.phases.firstByteMs].map((v) => v ?? 0);
  const other = Math.max(0, (p.avgTotalMs ?? 0) - parts.reduce((a, b) => a + b, 0));
  return [...parts, other].map((ms, i) => ({ key: PHASES[i]?.key ?? '', ms }));
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above v. */
export function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= v) ?? 10) * power;
}

const fmtMs = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} s` : `${Math.round(ms)} ms`;

export function ResponseChart(p: { series: ResponseSeries; timeZone: string; caption: string }) {
  const { series } = p;
  if (series.points.length === 0) return <p class="muted">No answered checks in this range yet.</p>;
  const fromMs = Date.parse(series.from);
  const toMs = Date.parse(series.to);
  const bucketMs = series.bucketS * 1000;
  const tops = series.points.map((pt) =>
    Math.max(
      layersOf(pt).reduce((s, l) => s + l.ms, 0),
      pt.p95TotalMs ?? 0,
    ),
  );
  const yMax = niceCeil(Math.max(...tops));
  const x = (ms: number) => M.left + ((ms - fromMs) / Math.max(1, toMs - fromMs)) * PLOT_W;
  const y = (ms: number) => M.top + PLOT_H - (Math.min(ms, yMax) / yMax) * PLOT_H;
  const fullBarW = Math.max(1, (bucketMs / Math.max(1, toMs - fromMs)) * PLOT_W - 1);
  const colorOf = Object.fromEntries(PHASES.map((ph) => [ph.key, ph.color]));
  const answered = series.points.filter((pt) => pt.avgTotalMs !== null);
  const avgMs =
    answered.reduce((s, pt) => s + (pt.avgTotalMs ?? 0) * pt.checks, 0) /
    Math.max(
      1,
      answered.reduce((s, pt) => s + pt.checks, 0),
    );
  const failed = series.points.reduce((s, pt) => s + pt.downChecks, 0);
  const desc = `Average total ${fmtMs(avgMs)} over ${series.points.reduce((s, pt) => s + pt.checks, 0)} checks; ${failed} failed.`;
  const gridMs = [0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">{p.caption}</title>
        <desc id="chart-desc">{desc}</desc>
        {gridMs.map((ms) => (
          <g>
            <line x1={M.left} x2={W - M.right} y1={y(ms)} y2={y(ms)} stroke="#dde2e8" />
            <text x={M.left - 6} y={y(ms) + 4} text-anchor="end" font-size="11" fill="#5b6675">
              {fmtMs(ms)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#8d99a6" />
        {timeTicks(fromMs, toMs, series.range, p.timeZone).map((t) => (
          <g>
            <line x1={x(t.atMs)} x2={x(t.atMs)} y1={y(0)} y2={y(0) + 4} stroke="#8d99a6" />
            <text x={x(t.atMs)} y={H - 14} text-anchor="middle" font-size="11" fill="#5b6675">
              {t.label}
            </text>
          </g>
        ))}
        {series.points.map((pt) => {
          const left = x(Date.parse(pt.at));
          // The newest bucket is still filling: its bar stops at "now", the right edge.
          const barW = Math.max(1, Math.min(fullBarW, x(toMs) - left));
          let base = 0;
          return (
            <g>
              {layersOf(pt).map((layer) => {
                const top = base + layer.ms;
                const rect = (
                  <rect
                    x={left.toFixed(1)}
                    y={y(top).toFixed(1)}
                    width={barW.toFixed(1)}
                    height={Math.max(0, y(base) - y(top)).toFixed(1)}
                    fill={colorOf[layer.key] ?? '#0f766e'}
                  />
                );
                base = top;
                return rect;
              })}
              {pt.minTotalMs !== null && pt.maxTotalMs !== null && (
                <line
                  x1={(left + barW / 2).toFixed(1)}
                  x2={(left + barW / 2).toFixed(1)}
                  y1={y(pt.minTotalMs).toFixed(1)}
                  y2={y(pt.maxTotalMs).toFixed(1)}
                  stroke="#1c2430"
                  stroke-opacity="0.45"
                />
              )}
              {pt.p95TotalMs !== null && (
                <line
                  x1={left.toFixed(1)}
                  x2={(left + barW).toFixed(1)}
                  y1={y(pt.p95TotalMs).toFixed(1)}
                  y2={y(pt.p95TotalMs).toFixed(1)}
                  stroke="#b54708"
                  stroke-width="2"
                />
              )}
              {pt.downChecks > 0 && (
                <rect x={left.toFixed(1)} y={(y(0) + 6).toFixed(1)} width={barW.toFixed(1)} height="5" fill="#b42318">
                  <title>{`${pt.downChecks} failed check${pt.downChecks > 1 ? 's' : ''}`}</title>
                </rect>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ChartLegend rollups={series.source === 'rollups'} />
      </figcaption>
    </figure>
  );
}

function ChartLegend(p: { rollups: boolean }) {
  const items = p.rollups
    ? [
        { label: 'Average total', color: '#0f766e' },
        { label: 'p95 (approximate, from histogram buckets)', color: '#b54708' },
        { label: 'Fastest to slowest', color: '#8d99a6' },
      ]
    : PHASES;
  return (
    <ul class="legend">
      {items.map((i) => (
        <li>
          <span class="swatch" style={`background:${i.color}`} /> {i.label}
        </li>
      ))}
      <li>
        <span class="swatch" style="background:#b42318" /> Failed checks
      </li>
    </ul>
  );
}
