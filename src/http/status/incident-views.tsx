import type { Child } from 'hono/jsx';
import type { PublicIncident, PublicMaintenance } from '../../domain/statuspage/public-types.ts';
import type { PageText } from './page-text.ts';

export function incidentTitle(i: PublicIncident, text: PageText): string {
  return i.title ?? text.t('incidentDefaultTitle', { components: text.list(i.componentNames) });
}

const Time = (p: { ms: number; text: PageText }) => (
  <time datetime={new Date(p.ms).toISOString()}>{p.text.dateTime(p.ms)}</time>
);

const MARK = '\u0001';

/** A translated sentence with markup (a <time>) where its placeholders were: one mark per node, in order. */
function Sentence(p: { template: string; nodes: Child[] }) {
  const parts = p.template.split(MARK);
  return <>{parts.flatMap((part, i) => (i < p.nodes.length ? [part, p.nodes[i]] : [part]))}</>;
}

/** When it started, and when it ended and after how long (or how long it has run). */
export function IncidentTimes(p: { incident: PublicIncident; text: PageText; nowMs: number }) {
  const { incident: i, text } = p;
  return (
    <p class="small muted">
      <Sentence template={text.t('incidentStarted', { time: MARK })} nodes={[<Time ms={i.startedAt} text={text} />]} />
      {' · '}
      {i.resolvedAt === null ? (
        text.t('incidentOngoing', { duration: text.duration(p.nowMs - i.startedAt) })
      ) : (
        <Sentence
          template={text.t('incidentResolved', { time: MARK, duration: text.duration(i.resolvedAt - i.startedAt) })}
          nodes={[<Time ms={i.resolvedAt} text={text} />]}
        />
      )}
    </p>
  );
}

export function UpdateList(p: { incident: PublicIncident; text: PageText }) {
  const { incident, text } = p;
  if (incident.updates.length === 0) return <p>{text.t('incidentNoUpdates')}</p>;
  return (
    <ol class="updates" reversed>
      {incident.updates.map((u) => (
        <li>
          <strong>{text.t(`stage.${u.status}`)}</strong>{' '}
          <span class="when">
            · <Time ms={u.postedAt} text={text} />
          </span>
          <p>{u.message}</p>
        </li>
      ))}
    </ol>
  );
}

/** An incident still open: its stage, what it affects, and the updates staff posted. */
export function ActiveIncident(p: { incident: PublicIncident; text: PageText; href: string; nowMs: number }) {
  const { incident: i, text } = p;
  return (
    <li class="card incident">
      <h3>
        <a href={p.href}>{incidentTitle(i, text)}</a>
      </h3>
      <span class={`stage ${i.status}`}>{text.t(`stage.${i.status}`)}</span>
      <p class="small">{text.t('incidentAffects', { components: text.list(i.componentNames) })}</p>
      <IncidentTimes incident={i} text={text} nowMs={p.nowMs} />
      <UpdateList incident={i} text={text} />
    </li>
  );
}

export function PastIncident(p: { incident: PublicIncident; text: PageText; href: string }) {
  const { incident: i, text } = p;
  return (
    <li>
      <div class="line">
        <a href={p.href}>{incidentTitle(i, text)}</a>
        <time class="small muted" datetime={new Date(i.startedAt).toISOString()}>
          {text.date(i.startedAt)}
        </time>
      </div>
      <p class="small muted" style="margin:.15rem 0 0">
        {text.t('incidentAffects', { components: text.list(i.componentNames) })}
        {i.resolvedAt !== null && ` · ${text.duration(i.resolvedAt - i.startedAt)}`}
      </p>
    </li>
  );
}

export function MaintenanceList(p: { items: PublicMaintenance[]; text: PageText }) {
  const { text } = p;
  return (
    <ul class="maintenance-list">
      {p.items.map((m) => (
        <li class="card">
          <span class="badge">{m.active ? text.t('maintenanceActive') : text.t('maintenanceScheduled')}</span>
          <strong>{m.title}</strong>
          <p class="small" style="margin:.3rem 0 0">
            <Sentence
              template={text.t('maintenanceWhen', { start: MARK, end: MARK })}
              nodes={[<Time ms={m.startsAt} text={text} />, <Time ms={m.endsAt} text={text} />]}
            />
          </p>
          <p class="small muted" style="margin:.15rem 0 0">
            {m.componentNames.length === 0 ? text.t('maintenanceAll') : text.list(m.componentNames)}
          </p>
        </li>
      ))}
    </ul>
  );
}
