import type { Context, Hono } from 'hono';
import { pauseIncident, resumeIncident, setIncidentSeverity } from '../../domain/incidents/incident-actions.ts';
import type { AppEnv } from '../env.ts';
import { toAppError } from '../errors.ts';
import { attempt, readForm } from './form.ts';
import type { IncidentForms } from './incidents-pages.tsx';
import { setFlash } from './session.ts';

type RenderIncident = (
  c: Context<AppEnv>,
  id: string,
  forms?: IncidentForms,
  status?: 200 | 403 | 409 | 422,
) => Promise<Response>;

/** The incident page's SLA actions: waiting for the client (pause, resume) and the severity. */
export function registerIncidentSlaRoutes(app: Hono<AppEnv>, renderIncident: RenderIncident) {
  app.post('/admin/incidents/:id/pause', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const input = form.optional('reason') ? { reason: form.text('reason') } : {};
    const result = await attempt(form, () => pauseIncident(c.var.ctx, c.var.actor, id, input));
    if (!result.ok) {
      const forms = result.status === 409 ? { page: result } : { pause: { values: form.values(), ...result } };
      return renderIncident(c, id, forms, result.status);
    }
    setFlash(c, 'Paused: waiting for the client. The SLA clocks stand still until you resume.');
    return c.redirect(`/admin/incidents/${id}#sla-h`, 303);
  });

  app.post('/admin/incidents/:id/resume', async (c) => {
    const id = c.req.param('id');
    const result = await attempt(await readForm(c), () => resumeIncident(c.var.ctx, c.var.actor, id));
    if (!result.ok) return renderIncident(c, id, { page: result }, result.status);
    setFlash(c, 'Resumed: the SLA clocks run again.');
    return c.redirect(`/admin/incidents/${id}#sla-h`, 303);
  });

  app.post('/admin/incidents/:id/severity', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const result = await attempt(form, () =>
      setIncidentSeverity(c.var.ctx, c.var.actor, id, { severity: form.text('severity') }),
    ).catch((err) => {
      // Lowering a severity needs an admin: say so beside the form, not on an error page.
      const e = toAppError(err);
      if (e?.code !== 'forbidden') throw err;
      return { ok: false as const, status: 403 as const, message: e.message, errors: {} };
    });
    if (!result.ok) return renderIncident(c, id, { severity: { values: form.values(), ...result } }, result.status);
    setFlash(c, `Severity set to ${form.text('severity')}.`);
    return c.redirect(`/admin/incidents/${id}#sla-h`, 303);
  });
}
