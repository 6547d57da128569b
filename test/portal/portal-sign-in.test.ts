import { beforeEach, describe, expect, it } from 'vitest';
import { portalInvitationDoc } from '../../src/http/api/portal-invite-routes.ts';
import { expectError, expectOk, useTestApp } from '../api/helpers.ts';
import { signedIn } from '../pages/console-client.ts';
import { createPortalWorld, linkIn, mailTo, type PortalWorld, portalBrowser, textOf } from './portal-world.ts';

const t = useTestApp();
let w: PortalWorld;
beforeEach(async () => {
  w = await createPortalWorld(t());
});

async function invite(contact: PortalWorld['acme']) {
  const res = await t().api('POST', `/clients/${contact.clientId}/contacts/${contact.contactId}/portal-invite`);
  return expectOk(res, 201, portalInvitationDoc);
}

async function acceptInvite(contact: PortalWorld['acme'], password: string) {
  await invite(contact);
  const mail = await mailTo(t(), contact.email, contact === w.acme ? 'invita' : 'invites');
  const token = linkIn(mail.text_body, 'invite');
  const browser = await portalBrowser(t());
  const form = await browser.get(`/portal/invite/${token}`);
  expect(form.status).toBe(200);
  const done = await browser.post(`/portal/invite/${token}`, { password, confirm: password });
  expect(done.status).toBe(303);
  expect(done.location).toBe('/portal');
  return { browser, token };
}

describe('portal invitation and password sign-in', () => {
  it('invites in the contact’s language, sets a password, signs in, keeps a session and signs out', async () => {
    const invitation = await invite(w.acme);
    expect(invitation).toMatchObject({ contactId: w.acme.contactId, email: 'ana@acme.test', delivery: 'stored' });
    const mail = await mailTo(t(), 'ana@acme.test', 'invita');
    expect(mail.subject).toBe('My agency te invita al portal de clientes de Acme Bakery');
    const token = linkIn(mail.text_body, 'invite');

    const browser = await portalBrowser(t());
    const form = await browser.get(`/portal/invite/${token}`);
    expect(form.html).toContain('lang="es"');
    expect(textOf(form.html)).toContain('Elige una contraseña para el portal de clientes de Acme Bakery');
    const mismatch = await browser.post(`/portal/invite/${token}`, {
      password: 'a-good-password',
      confirm: 'other-one-x',
    });
    expect(mismatch.status).toBe(422);
    expect(textOf(mismatch.html)).toContain('Las dos contraseñas no coinciden.');
    const set = await browser.post(`/portal/invite/${token}`, {
      password: 'a-good-password',
      confirm: 'a-good-password',
    });
    expect(set.status).toBe(303);
    const cookie = set.headers.getSetCookie().find((c) => c.startsWith('steward_portal='));
    expect(cookie).toMatch(/Path=\/portal/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=2592000/);

    // The invitation works once.
    const again = await (await portalBrowser(t())).get(`/portal/invite/${token}`);
    expect(again.status).toBe(404);

    // A fresh browser signs in with the password; the session survives, sign-out ends it.
    const other = await portalBrowser(t());
    const wrong = await other.post('/portal/login', { email: 'ana@acme.test', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(textOf(wrong.html)).toContain('Wrong e-mail or password.');
    const ok = await other.post('/portal/login', { email: 'ANA@acme.test', password: 'a-good-password' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/portal');
    const home = await other.get('/portal/incidents');
    expect(home.status).not.toBe(303);
    const portalToken = other.cookie('steward_portal');
    expect(portalToken).toBeTruthy();
    const out = await other.post('/portal/logout', {});
    expect(out.status).toBe(303);
    expect((await other.get('/portal')).location).toBe('/portal/login');
    // The old cookie is dead on the server too, not only forgotten by the browser.
    const replay = await t().app.request('/portal', { headers: { cookie: `steward_portal=${portalToken}` } });
    expect(replay.status).toBe(303);

    const staffPage = await (await signedIn(t(), 'technician')).get(`/admin/clients/${w.acme.clientId}`);
    expect(textOf(staffPage.html)).toContain('portal: signed in on');
  });

  it('never says whether an address is known, and a wrong password on an unknown address looks the same', async () => {
    const browser = await portalBrowser(t());
    const unknown = await browser.post('/portal/login', { email: 'nobody@nowhere.test', password: 'whatever-123' });
    await invite(w.beta);
    const known = await browser.post('/portal/login', { email: 'ben@beta.test', password: 'whatever-123' });
    expect(unknown.status).toBe(401);
    expect(known.status).toBe(401);
    expect(textOf(unknown.html).replace('nobody@nowhere.test', 'X')).toBe(
      textOf(known.html).replace('ben@beta.test', 'X'),
    );
    const linkUnknown = await browser.post('/portal/login/link', { email: 'nobody@nowhere.test' });
    const linkKnown = await browser.post('/portal/login/link', { email: 'ben@beta.test' });
    expect(linkUnknown.status).toBe(200);
    expect(textOf(linkUnknown.html)).toBe(textOf(linkKnown.html));
    expect(textOf(linkKnown.html)).toContain('If the address is known, we have sent a link to it.');
  });

  it('locks the address after five wrong passwords (429, Retry-After), apart from staff sign-in', async () => {
    await acceptInvite(w.beta, 'the-right-password');
    const browser = await portalBrowser(t());
    for (let i = 0; i < 5; i++) {
      expect(
        (await browser.post('/portal/login', { email: 'ben@beta.test', password: `wrong-${i}-xxxx` })).status,
      ).toBe(401);
    }
    const locked = await browser.post('/portal/login', { email: 'ben@beta.test', password: 'the-right-password' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(textOf(locked.html)).toContain('Try again in 15 minutes.');
    t().clock.advance(15 * 60_000 + 1);
    expect(
      (await browser.post('/portal/login', { email: 'ben@beta.test', password: 'the-right-password' })).status,
    ).toBe(303);
  });
});

describe('portal sign-in by e-mail link', () => {
  it('mails a one-time 15-minute link; the link page asks for a click, then signs in once', async () => {
    await invite(w.acme);
    const browser = await portalBrowser(t());
    await browser.get('/portal/login/link');
    const sent = await browser.post('/portal/login/link', { email: 'ana@acme.test' });
    expect(sent.status).toBe(200);
    const mail = await mailTo(t(), 'ana@acme.test', 'enlace');
    expect(mail.subject).toBe('Tu enlace de acceso para Acme Bakery');
    const token = linkIn(mail.text_body, 'link');

    const confirm = await browser.get(`/portal/link/${token}`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain('Acme Bakery');
    // Opening the link (as a mail scanner would) does not use it up; the button does.
    const signedIn1 = await browser.post('/portal/link', { token });
    expect(signedIn1.status).toBe(303);
    expect(signedIn1.location).toBe('/portal');
    const reused = await (await portalBrowser(t())).post('/portal/link', { token });
    expect(reused.status).toBe(404);
  });

  it('a link expires after 15 minutes', async () => {
    await invite(w.acme);
    const browser = await portalBrowser(t());
    await browser.post('/portal/login/link', { email: 'ana@acme.test' });
    const token = linkIn((await mailTo(t(), 'ana@acme.test', 'enlace')).text_body, 'link');
    t().clock.advance(15 * 60_000);
    expect((await browser.get(`/portal/link/${token}`)).status).toBe(404);
    expect((await browser.post('/portal/link', { token })).status).toBe(404);
  });

  it('an address shared by two companies gets a link per company; the password asks which one', async () => {
    const shared = await t().api('POST', `/clients/${w.beta.clientId}/contacts`, {
      name: 'Ana Ruiz',
      email: 'ana@acme.test',
      language: 'es',
    });
    expect(shared.status).toBe(201);
    await acceptInvite(w.acme, 'shared-password-1');
    await t().api('POST', `/clients/${w.beta.clientId}/contacts/${shared.body.id}/portal-invite`);
    const betaToken = linkIn((await mailTo(t(), 'ana@acme.test', 'Beta Books')).text_body, 'invite');
    const browser = await portalBrowser(t());
    expect(
      (
        await browser.post(`/portal/invite/${betaToken}`, {
          password: 'shared-password-1',
          confirm: 'shared-password-1',
        })
      ).status,
    ).toBe(303);

    const fresh = await portalBrowser(t());
    const choose = await fresh.post('/portal/login', { email: 'ana@acme.test', password: 'shared-password-1' });
    expect(choose.status).toBe(200);
    expect(textOf(choose.html)).toContain('Choose a company');
    expect(textOf(choose.html)).toContain('Acme Bakery');
    expect(textOf(choose.html)).toContain('Beta Books');
    const betaChoice = /name="token" value="([^"]+)"[^>]*>\s*Beta Books/.exec(choose.html)?.[1];
    expect(betaChoice).toBeTruthy();
    expect((await fresh.post('/portal/link', { token: betaChoice as string })).status).toBe(303);
    const session = await t()
      .ctx.db.selectFrom('portal_sessions')
      .select('client_id')
      .orderBy('created_at', 'desc')
      .execute();
    expect(session.map((s) => s.client_id)).toContain(w.beta.clientId);

    await (await portalBrowser(t())).post('/portal/login/link', { email: 'ana@acme.test' });
    const links = await t()
      .ctx.db.selectFrom('mail_messages')
      .select('subject')
      .where('to_address', '=', 'ana@acme.test')
      .where('subject', 'like', '%enlace%')
      .execute();
    expect(links.map((m) => m.subject).sort()).toEqual([
      'Tu enlace de acceso para Acme Bakery',
      'Tu enlace de acceso para Beta Books',
    ]);
  });
});

describe('portal access control', () => {
  it('an archived contact or client loses access at once', async () => {
    const { browser } = await acceptInvite(w.acme, 'a-good-password');
    expect((await browser.get('/portal/incidents')).status).not.toBe(303);
    expect((await t().api('DELETE', `/clients/${w.acme.clientId}/contacts/${w.acme.contactId}`)).status).toBe(204);
    expect((await browser.get('/portal/incidents')).location).toBe('/portal/login');
    const again = await portalBrowser(t());
    expect((await again.post('/portal/login', { email: 'ana@acme.test', password: 'a-good-password' })).status).toBe(
      401,
    );

    const beta = await acceptInvite(w.beta, 'b-good-password');
    const contract = await t().api('GET', `/contracts?clientId=${w.beta.clientId}`);
    expect((await t().api('POST', `/contracts/${contract.body.data[0].id}/end`, {})).status).toBe(200);
    expect((await t().api('POST', `/clients/${w.beta.clientId}/archive`)).status).toBe(200);
    expect((await beta.browser.get('/portal/plan')).location).toBe('/portal/login');
  });

  it('a portal cookie gives nothing on the console or the API', async () => {
    const { browser } = await acceptInvite(w.acme, 'a-good-password');
    const cookie = `steward_portal=${browser.cookie('steward_portal')}`;
    const admin = await t().app.request('/admin/clients', { headers: { cookie }, redirect: 'manual' });
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toMatch(/^\/login/);
    const api = await t().app.request('/api/v1/clients', { headers: { cookie } });
    expect(api.status).toBe(401);
    // …and a staff session gives nothing in the portal.
    const staff = await signedIn(t(), 'owner');
    const portal = await t().app.request('/portal', {
      headers: { cookie: `steward_session=${staff.cookie('steward_session')}` },
      redirect: 'manual',
    });
    expect(portal.headers.get('location')).toBe('/portal/login');
  });

  it('refuses forms without the CSRF token or from another origin (403)', async () => {
    await invite(w.acme);
    const token = linkIn((await mailTo(t(), 'ana@acme.test', 'invita')).text_body, 'invite');
    const browser = await portalBrowser(t());
    const fields = { password: 'a-good-password', confirm: 'a-good-password' };
    expect((await browser.post(`/portal/invite/${token}`, fields, { csrf: null })).status).toBe(403);
    expect((await browser.post(`/portal/invite/${token}`, fields, { origin: 'https://evil.test' })).status).toBe(403);
    expect(
      (await browser.post('/portal/login', { email: 'a@b.test', password: 'x' }, { csrf: 'csrf_forged' })).status,
    ).toBe(403);
    // The invitation is still unused after the refused posts.
    expect((await browser.post(`/portal/invite/${token}`, fields)).status).toBe(303);
    // Signed in, the session's own token is needed: the pre-sign-in one no longer works.
    expect((await browser.post('/portal/logout', {}, { csrf: null })).status).toBe(403);
  });

  it('unknown tokens and another client’s ids give 404', async () => {
    const browser = await portalBrowser(t());
    expect((await browser.get('/portal/invite/pinv_unknown')).status).toBe(404);
    expect((await browser.get('/portal/link/plnk_unknown')).status).toBe(404);
    // An invitation token is not a sign-in link, and the reverse.
    await invite(w.acme);
    const inviteToken = linkIn((await mailTo(t(), 'ana@acme.test', 'invita')).text_body, 'invite');
    expect((await browser.get(`/portal/link/${inviteToken}`)).status).toBe(404);
    expect((await browser.post('/portal/link', { token: inviteToken })).status).toBe(404);
    // Staff: a contact of Acme addressed under Beta's id is not found.
    const cross = await t().api('POST', `/clients/${w.beta.clientId}/contacts/${w.acme.contactId}/portal-invite`);
    expectError(cross, 404, 'not_found');
  });
});

describe('staff invitations', () => {
  it('a technician may invite; a client whose plan has no portal is refused naming the plans that have it', async () => {
    const res = await t().api(
      'POST',
      `/clients/${w.acme.clientId}/contacts/${w.acme.contactId}/portal-invite`,
      undefined,
      t().tokens.technician,
    );
    expect(res.status).toBe(201);
    const basic = await t().api('POST', '/clients', {
      name: 'Corner Shop',
      contacts: [{ name: 'Cy', email: 'cy@corner.test' }],
    });
    await t().api('POST', '/contracts', { clientId: basic.body.id, planId: 'basic' });
    const contacts = await t().api('GET', `/clients/${basic.body.id}/contacts`);
    const refused = await t().api(
      'POST',
      `/clients/${basic.body.id}/contacts/${contacts.body.data[0].id}/portal-invite`,
    );
    const error = expectError(refused, 409, 'conflict');
    expect(error.message).toBe("Corner Shop's plan (Basic) has no client portal; Standard and Premium include it");
  });

  it('the console’s invite button sends the invitation and shows it on the contact', async () => {
    const staff = await signedIn(t(), 'technician');
    const page = await staff.get(`/admin/clients/${w.beta.clientId}`);
    expect(textOf(page.html)).toContain('Invite to portal');
    const res = await staff.post(`/admin/clients/${w.beta.clientId}/contacts/${w.beta.contactId}/portal-invite`, {});
    expect(res.status).toBe(303);
    const after = await staff.follow(res);
    expect(textOf(after.html)).toContain('Portal invitation stored in the outbox for ben@beta.test.');
    expect(textOf(after.html)).toContain('portal: invited on');
    expect((await mailTo(t(), 'ben@beta.test', 'invites')).subject).toBe(
      'My agency invites you to the client portal of Beta Books',
    );
  });

  it('contact read models never include the password hash', async () => {
    await acceptInvite(w.acme, 'a-good-password');
    const list = await t().api('GET', `/clients/${w.acme.clientId}/contacts`);
    const client = await t().api('GET', `/clients/${w.acme.clientId}`);
    for (const body of [list.body, client.body]) {
      expect(JSON.stringify(body)).not.toMatch(/argon2|password/i);
    }
  });
});
