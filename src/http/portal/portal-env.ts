import type { Logger } from 'pino';
import type { Ctx } from '../../domain/context.ts';
import type { Locale } from '../../domain/shared/validation.ts';

/** Who is signed in to the portal: one contact of one client. Every portal read is scoped by clientId. */
export type PortalContact = {
  contactId: string;
  clientId: string;
  clientName: string;
  name: string;
  email: string;
  language: Locale;
  /** The client's IANA zone: portal times are shown in it. */
  timeZone: string;
  /** The agency serving the portal (name, logo), set by the session middleware for the layout. */
  agency?: PortalAgency;
};

export type PortalAgency = { name: string; logoUrl: string | null };

export type PortalEnv = {
  Variables: {
    ctx: Ctx;
    logger: Logger;
    requestId: string;
    /** Set by the portal session middleware on every route behind sign-in. */
    portal: PortalContact;
    csrfToken: string;
    publicUrl: string | undefined;
  };
};
