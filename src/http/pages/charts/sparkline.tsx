// A response-time sparkline: one line through the answered checks, a red tick for each failed one.

export type SparkSample = { totalMs: number; outcome: 'up' | 'degraded' | 'down' };

const WIDTH = 120;
const HEIGHT = 28;
const PAD = 2;

export function Sparkline(p: { samples: SparkSample[]; label: string }) {
  if (p.samples.length === 0) return <span class="muted small">no checks yet</span>;
  const answered = p.samples.filter((s) => s.outcome !== 'down').map((s) => s.totalMs);
  const maxMs = Math.max(1, ...answered);
  const stepX = p.samples.length > 1 ? (WIDTH - 2 * PAD) / (p.samples.length - 1) : 0;
  const x = (i: number) => (p.samples.length > 1 ? PAD + i * stepX : WIDTH / 2);
  const y = (ms: number) => HEIGHT - PAD - (ms / maxMs) * (HEIGHT - 2 * PAD - 4);
  // A failed check breaks the line, so the line never pretends it was answered.
  const runs: string[] = [];
  let run: string[] = [];
  p.samples.forEach((s, i) => {
    if (s.outcome === 'down') {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(s.totalMs).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  const summary =
    answered.length > 0
      ? `${p.label}: last ${p.samples.length} checks, ${Math.round(Math.min(...answered))}–${Math.round(maxMs)} ms` +
        (answered.length < p.samples.length ? `, ${p.samples.length - answered.length} failed` : '')
      : `${p.label}: the last ${p.samples.length} checks all failed`;
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      {runs.map((points) =>
        points.includes(' ') ? (
          <polyline points={points} fill="none" stroke="#0f766e" stroke-width="1.5" stroke-linejoin="round" />
        ) : (
          <circle cx={points.split(',')[0]} cy={points.split(',')[1]} r="1.5" fill="#0f766e" />
        ),
      )}
      {p.samples.map((s, i) =>
        s.outcome === 'down' ? (
          <rect x={(x(i) - 1).toFixed(1)} y={HEIGHT - 8} width="2" height="8" fill="#b42318" />
        ) : null,
      )}
    </svg>
  );
}
