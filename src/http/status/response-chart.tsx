import type { PublicComponent } from '../../domain/statuspage/public-types.ts';
import type { PageText } from './page-text.ts';

// Average response time per day as a small line chart: the line is SVG stretched to the box (so it
// fits any width), the labels are HTML (so they keep their size on a phone). The summary (lowest,
// highest, latest) is the text alternative; each day's column has a title for a hover tooltip.

const W = 900;
const H = 100;

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above v. */
function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= v) ?? 10) * power;
}

export function hasResponseTimes(c: PublicComponent): boolean {
  return c.days.some((d) => d.avgResponseMs !== null);
}

export function ResponseChart(p: { component: PublicComponent; text: PageText; index: number }) {
  const { component, text } = p;
  const days = component.days;
  const points = days.flatMap((d, i) => (d.avgResponseMs === null ? [] : [{ i, ms: d.avgResponseMs, day: d }]));
  if (points.length === 0) return null;
  const values = points.map((pt) => pt.ms);
  const yMax = niceCeil(Math.max(...values));
  const step = W / days.length;
  const x = (i: number) => (i + 0.5) * step;
  const y = (ms: number) => H - (ms / yMax) * H;
  // A gap in the line where a day had no answered checks.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((pt, k) => {
    if (k > 0 && pt.i !== (points[k - 1]?.i ?? 0) + 1 && current.length > 0) {
      segments.push(current.join(' '));
      current = [];
    }
    current.push(`${x(pt.i).toFixed(1)},${y(pt.ms).toFixed(1)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  const latest = points[points.length - 1] as (typeof points)[number];
  const summary = text.t('responseSummary', {
    component: component.name,
    min: text.ms(Math.min(...values)),
    max: text.ms(Math.max(...values)),
    latest: text.ms(latest.ms),
  });
  const id = `rt-${p.index}`;
  const first = days[0];
  return (
    <figure class="chart">
      <figcaption id={`${id}-cap`}>{component.name}</figcaption>
      <div class="plot">
        <span class="y-label" style="top:0" aria-hidden="true">
          {text.ms(yMax)}
        </span>
        <span class="y-label" style="top:50%" aria-hidden="true">
          {text.ms(yMax / 2)}
        </span>
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-labelledby={`${id}-cap ${id}-desc`}>
          <desc id={`${id}-desc`}>{summary}</desc>
          <line x1="0" x2={W} y1="0.5" y2="0.5" class="grid" />
          <line x1="0" x2={W} y1={H / 2} y2={H / 2} class="grid" />
          <line x1="0" x2={W} y1={H - 0.5} y2={H - 0.5} class="axis" />
          {segments.map((pts) => (
            <polyline points={pts} class="line" />
          ))}
          {points.map((pt) => (
            <rect x={(pt.i * step).toFixed(1)} y="0" width={step.toFixed(1)} height={H} class="hover">
              <title>{`${text.date(pt.day.startMs)}: ${text.ms(pt.ms)}`}</title>
            </rect>
          ))}
        </svg>
      </div>
      <div class="x-labels" aria-hidden="true">
        <span>{first ? text.date(first.startMs) : ''}</span>
        <span>{text.t('today')}</span>
      </div>
      <p class="small muted">{summary}</p>
    </figure>
  );
}
