import type { PublicComponent, PublicDay } from '../../domain/statuspage/public-types.ts';
import type { PageText } from './page-text.ts';

type BarClass = 'ok' | 'minor' | 'major' | 'maint' | 'none';

/** Green without downtime, amber up to 1 % down, red beyond; blue for a day spent in maintenance only. */
export function barClass(day: PublicDay): BarClass {
  if (day.uptimeRatio === null) return day.maintenanceMs > 0 ? 'maint' : 'none';
  if (day.downtimeMs === 0) return day.maintenanceMs > 0 && day.incidents === 0 ? 'maint' : 'ok';
  return day.uptimeRatio >= 0.99 ? 'minor' : 'major';
}

/** "2 Mar 2026: 99.30 % uptime\ndown for 10 min\n1 incident": the tooltip and the screen-reader text. */
export function dayDescription(day: PublicDay, text: PageText): string {
  const date = text.date(day.startMs);
  if (day.uptimeRatio === null && day.maintenanceMs === 0) return text.t('dayNoData', { date });
  const lines: string[] = [];
  if (day.uptimeRatio === null) {
    lines.push(text.t('dayMaintenanceOnly', { date, duration: text.duration(day.maintenanceMs) }));
  } else {
    lines.push(text.t('dayUptime', { date, percent: text.percent(day.uptimeRatio) }));
    if (day.maintenanceMs > 0) lines.push(text.t('dayMaintenance', { duration: text.duration(day.maintenanceMs) }));
  }
  if (day.downtimeMs > 0) lines.push(text.t('dayDowntime', { duration: text.duration(day.downtimeMs) }));
  lines.push(text.t('dayIncidents', { count: day.incidents }));
  return lines.join('\n');
}

/**
 * 90 daily bars (30 on a phone) as a list: each day's figures are its text for screen readers and
 * its tooltip on hover or focus. Only days with something to tell take keyboard focus.
 */
export function UptimeBars(p: { component: PublicComponent; text: PageText }) {
  const { component, text } = p;
  const days = component.days;
  const count = days.length;
  return (
    <div>
      <ol class="bars" aria-label={text.t('barsLabel', { component: component.name, count })}>
        {days.map((day, i) => {
          const kind = barClass(day);
          const tip = dayDescription(day, text);
          const notable = kind !== 'ok' && kind !== 'none';
          const edge = i < 15 || (i >= count - 30 && i < count - 22) ? 'tip-l' : i >= count - 10 ? 'tip-r' : '';
          return (
            <li class={`${kind} ${edge}`.trim()} data-tip={tip} tabindex={notable ? 0 : undefined}>
              <span class="sr-only">{tip.replaceAll('\n', ', ')}</span>
            </li>
          );
        })}
      </ol>
      <div class="bar-scale" aria-hidden="true">
        <span>
          <span class="long">{text.t('daysAgo', { count })}</span>
          <span class="short">{text.t('daysAgo', { count: Math.min(30, count) })}</span>
        </span>
        {component.uptimeRatio !== null && (
          <span class="uptime">
            {text.t('uptimeOverDays', { percent: text.percent(component.uptimeRatio), count })}
          </span>
        )}
        <span>{text.t('today')}</span>
      </div>
    </div>
  );
}

export function BarLegend(p: { text: PageText }) {
  const items: Array<[BarClass, Parameters<PageText['t']>[0]]> = [
    ['ok', 'legendOk'],
    ['minor', 'legendMinor'],
    ['major', 'legendMajor'],
    ['maint', 'legendMaintenance'],
    ['none', 'legendNoData'],
  ];
  return (
    <ul class="legend">
      {items.map(([kind, key]) => (
        <li>
          <span class={`swatch ${kind}`} />
          {p.text.t(key)}
        </li>
      ))}
    </ul>
  );
}
