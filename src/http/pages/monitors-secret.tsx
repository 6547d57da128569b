import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

/** Where heartbeat jobs reach us: STEWARD_PUBLIC_URL, else the address this request came to. */
export const publicBase = (c: Context<AppEnv>) => c.var.publicUrl ?? new URL(c.req.url).origin;

/** The heartbeat URL, shown once after creation or rotation (only its hash is kept). */
export function HeartbeatUrlCard(p: { url: string }) {
  return (
    <section class="card secret-card" aria-labelledby="hb-url-h" role="status">
      <h2 id="hb-url-h" class="first">
        The heartbeat URL
      </h2>
      <p>
        <strong>Copy it now.</strong> This is the only time Steward shows it; only a hash is stored. Call it from the
        job when it succeeds, e.g. <code>curl -fsS --retry 3 "URL"</code> at the end of the backup script.
      </p>
      <label for="hb-url" class="sr-only">
        Heartbeat URL
      </label>
      <textarea id="hb-url" class="secret" readonly rows={2} spellcheck={false}>
        {p.url}
      </textarea>
    </section>
  );
}
