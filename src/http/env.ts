import type { Logger } from 'pino';
import type { Actor, Ctx } from '../domain/context.ts';
import type { SendMail } from '../domain/portal/portal-mail.ts';
import type { User } from '../domain/users/schemas.ts';

export type AppEnv = {
  Variables: {
    ctx: Ctx;
    logger: Logger;
    requestId: string;
    /** Set by the authentication middleware of the API and the admin console. */
    actor: Actor;
    user: User;
    csrfToken: string;
    /** STEWARD_PUBLIC_URL without a trailing slash, when configured (for links handed out, e.g. heartbeat URLs). */
    publicUrl: string | undefined;
    /** Mail for people (e.g. portal invitations): SMTP, or 'stored' for the console's outbox. */
    sendMail: SendMail;
  };
};
