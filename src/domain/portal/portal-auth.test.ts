import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import type { OutgoingMail } from '../alerts/senders.ts';
import { createClient } from '../clients/clients.ts';
import { removeContact } from '../clients/contacts.ts';
import { systemActor } from '../context.ts';
import { createContract } from '../contracts/change-contracts.ts';
import { acceptPortalInvitation } from './accept-invitation.ts';
import { inviteContactToPortal } from './invite-contact.ts';
import { PORTAL_SESSION_TTL_MS, resolvePortalSession } from './portal-sessions.ts';
import { signInToPortal, signInWithPortalToken } from './portal-sign-in.ts';
import { consumePortalToken, issuePortalToken, TOKEN_TTL_MS } from './portal-tokens.ts';
import { MAX_LINKS_PER_WINDOW, requestPortalSignInLink } from './request-sign-in-link.ts';

let t: TestDb;
let sent: OutgoingMail[];
let clientId: string;
let contactId: string;
const sendMail = async (mail: OutgoingMail) => {
  sent.push(mail);
  return { delivery: 'sent' as const };
};
const secretIn = (mail: OutgoingMail | undefined) =>
  /\/portal\/(?:invite|link)\/(\S+)/.exec(mail?.text ?? '')?.[1] ?? '';

beforeEach(async () => {
  t = await createTestDb();
  sent = [];
  const client = await createClient(t.ctx, systemActor, {
    name: 'Acme',
    timeZone: 'Europe/Madrid',
    contacts: [{ name: 'Ana', email: 'ana@acme.test', language: 'fr' }],
  });
  clientId = client.id;
  await createContract(t.ctx, systemActor, { clientId, planId: 'standard' });
  const row = await t.ctx.db.selectFrom('client_contacts').select('id').executeTakeFirstOrThrow();
  contactId = row.id;
});
afterEach(async () => {
  await t.close();
});

const invite = () =>
  inviteContactToPortal(t.ctx, systemActor, sendMail, { clientId, contactId, baseUrl: 'https://steward.test' });

describe('portal tokens', () => {
  it('are single use: a second use, even concurrent, is not found', async () => {
    const secret = await issuePortalToken(t.ctx.db, contactId, 'sign_in', t.clock.now());
    const uses = await Promise.allSettled([
      consumePortalToken(t.ctx.db, secret, 'sign_in', t.clock.now()),
      consumePortalToken(t.ctx.db, secret, 'sign_in', t.clock.now()),
    ]);
    expect(uses.map((u) => u.status).sort()).toEqual(['fulfilled', 'rejected']);
    await expect(consumePortalToken(t.ctx.db, secret, 'sign_in', t.clock.now())).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('expire: a sign-in link after 15 minutes, an invitation after 7 days', async () => {
    const link = await issuePortalToken(t.ctx.db, contactId, 'sign_in', t.clock.now());
    const invitation = await issuePortalToken(t.ctx.db, contactId, 'invite', t.clock.now());
    t.clock.advance(TOKEN_TTL_MS.sign_in - 1);
    const stillOk = await consumePortalToken(t.ctx.db, link, 'sign_in', t.clock.now());
    expect(stillOk.id).toBe(contactId);
    const late = await issuePortalToken(t.ctx.db, contactId, 'sign_in', t.clock.now());
    t.clock.advance(TOKEN_TTL_MS.sign_in);
    await expect(consumePortalToken(t.ctx.db, late, 'sign_in', t.clock.now())).rejects.toMatchObject({
      code: 'not_found',
    });
    t.clock.advance(TOKEN_TTL_MS.invite - 2 * TOKEN_TTL_MS.sign_in + 1);
    await expect(consumePortalToken(t.ctx.db, invitation, 'invite', t.clock.now())).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('are bound to their purpose', async () => {
    const invitation = await issuePortalToken(t.ctx.db, contactId, 'invite', t.clock.now());
    await expect(signInWithPortalToken(t.ctx, invitation)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('portal sign-in', () => {
  it('invitation → password → sign-in; a session lasts 30 days', async () => {
    await invite();
    expect(sent[0]?.subject).toBe('My agency vous invite dans l’espace client de Acme');
    const session = await acceptPortalInvitation(t.ctx, { token: secretIn(sent[0]), password: 'correct-horse-1' });
    expect(session.portal).toMatchObject({ contactId, clientId, language: 'fr', timeZone: 'Europe/Madrid' });
    expect(session.expiresAt).toBe(t.clock.now() + PORTAL_SESSION_TTL_MS);
    const again = await signInToPortal(t.ctx, { email: 'ana@acme.test', password: 'correct-horse-1', ip: '192.0.2.9' });
    expect(again.kind).toBe('signed_in');
    t.clock.advance(PORTAL_SESSION_TTL_MS);
    expect(await resolvePortalSession(t.ctx, session.token)).toBeUndefined();
  });

  it('throttles by address after five failures (portal: keys, not the staff ones)', async () => {
    await invite();
    await acceptPortalInvitation(t.ctx, { token: secretIn(sent[0]), password: 'correct-horse-1' });
    const attempt = (password: string, ip: string) => signInToPortal(t.ctx, { email: 'ana@acme.test', password, ip });
    for (let i = 0; i < 5; i++)
      await expect(attempt('wrong-password', `192.0.2.${i}`)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(attempt('correct-horse-1', '192.0.2.99')).rejects.toMatchObject({ code: 'rate_limited' });
    const keys = await t.ctx.db.selectFrom('auth_throttle').select('key').execute();
    expect(keys.map((k) => k.key)).toContain('account:portal:ana@acme.test');
    expect(keys.every((k) => k.key.includes('portal:'))).toBe(true);
  });

  it('an archived contact loses its session and cannot ask for links', async () => {
    await invite();
    const session = await acceptPortalInvitation(t.ctx, { token: secretIn(sent[0]), password: 'correct-horse-1' });
    expect(await resolvePortalSession(t.ctx, session.token)).toBeDefined();
    await removeContact(t.ctx, systemActor, clientId, contactId);
    expect(await resolvePortalSession(t.ctx, session.token)).toBeUndefined();
    expect(await requestPortalSignInLink(t.ctx, sendMail, { email: 'ana@acme.test', baseUrl: 'https://x.test' })).toBe(
      0,
    );
  });

  it('mails links only to invited contacts, at most three per 15 minutes, and logs them without the secret', async () => {
    const ask = () => requestPortalSignInLink(t.ctx, sendMail, { email: 'ana@acme.test', baseUrl: 'https://x.test' });
    expect(await ask()).toBe(0); // not invited yet
    await invite();
    for (let i = 0; i < MAX_LINKS_PER_WINDOW; i++) expect(await ask()).toBe(1);
    expect(await ask()).toBe(0);
    t.clock.advance(TOKEN_TTL_MS.sign_in + 1);
    expect(await ask()).toBe(1);
    const last = sent[sent.length - 1];
    expect(last?.subject).toBe('Votre lien de connexion pour Acme');
    const logged = await t.ctx.db.selectFrom('mail_messages').select('text_body').execute();
    expect(logged.some((m) => m.text_body.includes(secretIn(last)))).toBe(false);
    expect(logged.some((m) => m.text_body.includes('/portal/link/…'))).toBe(true);
  });
});
