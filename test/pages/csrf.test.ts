import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listClients } from '../../src/domain/clients/clients.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { ConsoleClient, PASSWORDS, signedIn } from './console-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t?.close());

const clientCount = async () => (await listClients(t.ctx, { archived: 'all' })).data.length;

describe('CSRF protection of console forms', () => {
  it('refuses a sign-in without, or with a wrong, pre-sign-in token', async () => {
    const browser = new ConsoleClient(t);
    const credentials = { email: PASSWORDS.owner[0], password: PASSWORDS.owner[1] };
    await browser.get('/login');
    expect((await browser.post('/login', credentials, { csrf: null })).status).toBe(403);
    const wrong = await browser.post('/login', credentials, { csrf: 'csrf_forged' });
    expect(wrong.status).toBe(403);
    expect(wrong.html).toContain('The form expired or came from another site');
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith('steward_session='))).toBe(false);
  });

  it('refuses a signed-in form post without the session token, with a wrong one or with the pre-sign-in one', async () => {
    const browser = await signedIn(t, 'owner');
    const preSignIn = browser.cookie('steward_csrf');
    expect(preSignIn).toBeTruthy();
    const form = { name: 'Forged Ltd' };
    expect((await browser.post('/admin/clients', form, { csrf: null })).status).toBe(403);
    expect((await browser.post('/admin/clients', form, { csrf: 'csrf_guess' })).status).toBe(403);
    expect((await browser.post('/admin/clients', form, { csrf: preSignIn ?? '' })).status).toBe(403);
    expect(await clientCount()).toBe(0);
    // The same post with the session's token works: the refusals above were about the token.
    expect((await browser.post('/admin/clients', form)).status).toBe(303);
    expect(await clientCount()).toBe(1);
  });

  it('refuses a cross-origin post even with a valid token', async () => {
    const browser = await signedIn(t, 'owner');
    const res = await browser.post('/admin/clients', { name: 'Forged Ltd' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await clientCount()).toBe(0);
    const logout = await browser.post('/logout', {}, { origin: 'https://evil.example' });
    expect(logout.status).toBe(403);
    expect((await browser.get('/admin')).status).toBe(200); // still signed in
  });

  it('ends the session once signed out: the old token and cookie no longer work', async () => {
    const browser = await signedIn(t, 'owner');
    const page = await browser.get('/admin/clients/new');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
    await browser.post('/logout', {});
    const res = await browser.post('/admin/clients', { name: 'After Logout' }, { csrf: token });
    expect(res.status).toBe(403);
    expect(await clientCount()).toBe(0);
  });
});
