import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { eligibleContactsByEmail } from './portal-eligibility.ts';
import { agencyName, type SendMail, sendPortalMail } from './portal-mail.ts';
import { issuePortalToken, TOKEN_TTL_MS } from './portal-tokens.ts';

/** Links mailed to one contact per TTL window at most; more requests are ignored silently. */
export const MAX_LINKS_PER_WINDOW = 3;

const requestLinkSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  baseUrl: z.string().url().max(500),
});

/**
 * Mails a one-time sign-in link (15 minutes) to each contact with this address who may sign in,
 * one mail per company. The caller answers the same whether or not any mail went out, so the
 * page never tells whether an address is known; the count is for tests and logs only.
 */
export async function requestPortalSignInLink(ctx: Ctx, sendMail: SendMail, input: unknown): Promise<number> {
  const parsed = requestLinkSchema.safeParse(input);
  if (!parsed.success) return 0;
  const { email, baseUrl } = parsed.data;
  const nowMs = ctx.clock.now();
  let sent = 0;
  for (const contact of await eligibleContactsByEmail(ctx.db, email)) {
    const recent = await ctx.db
      .selectFrom('portal_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('contact_id', '=', contact.id)
      .where('purpose', '=', 'sign_in')
      .where('created_at', '>', nowMs - TOKEN_TTL_MS.sign_in)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= MAX_LINKS_PER_WINDOW) continue;
    const secret = await issuePortalToken(ctx.db, contact.id, 'sign_in', nowMs);
    await sendPortalMail(ctx, sendMail, {
      kind: 'link',
      to: contact.email,
      language: contact.language,
      contactName: contact.name,
      companyName: contact.client_name,
      agencyName: await agencyName(ctx),
      url: `${baseUrl.replace(/\/+$/, '')}/portal/link/${secret}`,
    });
    sent += 1;
  }
  return sent;
}
