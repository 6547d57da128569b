import type { IncidentDetail } from '../../domain/incidents/incident-list-view.ts';
import { SEVERITIES } from '../../domain/sla/policy.ts';
import type { FormState } from './client-forms.tsx';
import { CsrfField, ErrorSummary, Field, Select } from './form-controls.tsx';
import { formatDateTime } from './format.ts';
import { SlaClocksTable } from './incidents-sla-views.tsx';

type SlaForms = Partial<Record<'pause' | 'severity', FormState>>;

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s, label: s[0]?.toUpperCase() + s.slice(1) }));

/** The incident page's SLA card: the clocks, waiting for the client, and the severity. */
export function SlaSection(p: {
  incident: IncidentDetail;
  nowMs: number;
  /** The agency's zone, for the pause's start (due times are shown in the client's zone). */
  timeZone: string;
  csrfToken: string;
  forms: SlaForms;
}) {
  const i = p.incident;
  const base = `/admin/incidents/${i.id}`;
  const open = i.status === 'open';
  return (
    <section class="card" aria-labelledby="sla-h">
      <h2 id="sla-h">SLA</h2>
      {i.pausedAt && (
        <p>
          <span class="badge warn strong">Waiting for client</span> since{' '}
          <time datetime={i.pausedAt}>{formatDateTime(i.pausedAt, p.timeZone)}</time>: the clocks stand still.
        </p>
      )}
      <SlaClocksTable
        sla={i.sla}
        nowMs={p.nowMs}
        clientTimeZone={i.clientTimeZone}
        waitingForClient={i.pausedAt !== null}
      />
      <div class="columns">
        {open && !i.pausedAt && (
          <form method="post" action={`${base}/pause`}>
            <CsrfField token={p.csrfToken} />
            <ErrorSummary message={p.forms.pause?.message} errors={p.forms.pause?.errors} />
            <Field
              name="reason"
              label="Waiting for"
              placeholder="e.g. the client's hosting login"
              value={p.forms.pause?.values?.reason}
              errors={p.forms.pause?.errors}
              idPrefix="pause"
            />
            <button class="btn secondary" type="submit">
              Pause (waiting for client)
            </button>
          </form>
        )}
        {open && i.pausedAt && (
          <form method="post" action={`${base}/resume`}>
            <CsrfField token={p.csrfToken} />
            <p class="muted small">The client answered? Resume, and the clocks run again.</p>
            <button class="btn" type="submit">
              Resume
            </button>
          </form>
        )}
        <form method="post" action={`${base}/severity`}>
          <CsrfField token={p.csrfToken} />
          <ErrorSummary message={p.forms.severity?.message} errors={p.forms.severity?.errors} />
          <Select
            name="severity"
            label="Severity"
            hint="Picks the targets when the policy sets them per severity. Lowering it needs an admin."
            options={SEVERITY_OPTIONS}
            value={p.forms.severity?.values?.severity ?? i.severity}
            errors={p.forms.severity?.errors}
            idPrefix="severity"
          />
          <button class="btn secondary" type="submit">
            Change severity
          </button>
        </form>
      </div>
    </section>
  );
}
