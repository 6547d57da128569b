import { expect } from 'vitest';
import { ConsoleClient, textOf } from '../pages/console-client.ts';
import type { TestApp } from '../support/test-app.ts';

export { textOf };

export type PortalWorld = {
  acme: { clientId: string; contactId: string; email: string };
  beta: { clientId: string; contactId: string; email: string };
};

async function clientWith(
  t: TestApp,
  name: string,
  plan: string,
  contact: { name: string; email: string; language: string },
) {
  const client = await t.api('POST', '/clients', { name, timeZone: 'Europe/Madrid', contacts: [contact] });
  expect(client.status).toBe(201);
  const contacts = await t.api('GET', `/clients/${client.body.id}/contacts`);
  const contract = await t.api('POST', '/contracts', { clientId: client.body.id, planId: plan });
  expect(contract.status).toBe(201);
  return { clientId: client.body.id as string, contactId: contacts.body.data[0].id as string, email: contact.email };
}

/** Acme (Standard: has the portal, contact in Spanish) and Beta (Standard, contact in English). */
export async function createPortalWorld(t: TestApp): Promise<PortalWorld> {
  const acme = await clientWith(t, 'Acme Bakery', 'standard', {
    name: 'Ana Ruiz',
    email: 'ana@acme.test',
    language: 'es',
  });
  const beta = await clientWith(t, 'Beta Books', 'standard', {
    name: 'Ben Stone',
    email: 'ben@beta.test',
    language: 'en',
  });
  return { acme, beta };
}

/** The one-time secret at the end of a portal link in a mail body. */
export function linkIn(text: string, kind: 'invite' | 'link'): string {
  const match = new RegExp(`/portal/${kind}/([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no /portal/${kind}/ link in: ${text}`);
  return match[1];
}

/** A cookie-keeping client for the portal (app.request; same-origin posts with the page's token). */
export async function portalBrowser(t: TestApp): Promise<ConsoleClient> {
  const browser = new ConsoleClient(t);
  await browser.get('/portal/login');
  return browser;
}

/**
 * The one mail logged to an address whose subject contains `subjectPart` (the outbox: no SMTP in
 * these tests). The clock is fixed, so mails are told apart by subject, not time.
 */
export async function mailTo(t: TestApp, address: string, subjectPart: string) {
  const rows = await t.ctx.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('to_address', '=', address)
    .where('subject', 'like', `%${subjectPart}%`)
    .execute();
  if (rows.length !== 1) throw new Error(`${rows.length} mails to ${address} about "${subjectPart}"`);
  return rows[0] as (typeof rows)[number];
}
