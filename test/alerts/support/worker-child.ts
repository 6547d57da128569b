// A separate process running the real alert worker against a shared database, so a test can
// kill it (SIGKILL) in the middle of a delivery.
import pino from 'pino';
import { systemClock } from '../../../src/clock.ts';
import { startAlertWorker } from '../../../src/integrations/alert-worker.ts';
import { openStorage } from '../../../src/storage/database.ts';

const env = process.env;
const storage = env.CHILD_SQLITE_FILE
  ? openStorage({ kind: 'sqlite', file: env.CHILD_SQLITE_FILE })
  : openStorage({ kind: 'postgres', url: env.CHILD_PG_URL ?? '', schema: env.CHILD_PG_SCHEMA, poolSize: 2 });
startAlertWorker({
  ctx: { db: storage.db, clock: systemClock },
  config: { smtpUrl: env.CHILD_SMTP_URL, mailFrom: 'Steward <alerts@agency.test>', publicUrl: undefined },
  logger: pino({ level: 'silent' }),
  pollMs: 50,
});
process.stdout.write('ready\n');
