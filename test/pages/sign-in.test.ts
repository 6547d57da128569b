import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countUsers } from '../../src/domain/users/users.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { ConsoleClient, PASSWORDS, textOf } from './console-client.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t?.close());

describe('sign-in, sign-out and the /admin guard', () => {
  it('sends a signed-out visitor to /login, keeping where they wanted to go, and back there after sign-in', async () => {
    const browser = new ConsoleClient(t);
    const res = await browser.get('/admin/clients?q=acme');
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/login?next=${encodeURIComponent('/admin/clients?q=acme')}`);
    const login = await browser.follow(res);
    expect(login.html).toContain('name="next" value="/admin/clients?q=acme"');
    const signedIn = await browser.post('/login', {
      email: PASSWORDS.owner[0],
      password: PASSWORDS.owner[1],
      next: '/admin/clients?q=acme',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/admin/clients?q=acme');
  });

  it('never follows a `next` that leaves the console', async () => {
    const browser = new ConsoleClient(t);
    for (const next of ['//evil.example/admin', 'https://evil.example', '/adminx', '/admin\\@evil.example']) {
      const login = await browser.get(`/login?next=${encodeURIComponent(next)}`);
      expect(login.html).not.toContain('name="next"');
    }
    const res = await browser.post('/login', {
      email: PASSWORDS.owner[0],
      password: PASSWORDS.owner[1],
      next: '//evil.example',
    });
    expect(res.location).toBe('/admin');
  });

  it('shows a clear message for a wrong password, and signs out', async () => {
    const browser = new ConsoleClient(t);
    const wrong = await browser.post('/login', { email: PASSWORDS.owner[0], password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(textOf(wrong.html)).toContain('Wrong e-mail or password');
    expect(wrong.html).toContain(`value="${PASSWORDS.owner[0]}"`);

    await browser.signIn('owner');
    expect((await browser.get('/admin')).status).toBe(200);
    const out = await browser.post('/logout', {});
    expect(out.location).toBe('/login');
    const after = await browser.follow(out);
    expect(textOf(after.html)).toContain('You are signed out.');
    expect((await browser.get('/admin')).status).toBe(303);
  });

  it('locks sign-in after 5 failures with a message, even for the right password', async () => {
    const browser = new ConsoleClient(t);
    const [email, password] = PASSWORDS.admin;
    for (let i = 0; i < 5; i++) {
      const res = await browser.post('/login', { email, password: `wrong-${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await browser.post('/login', { email, password });
    expect(locked.status).toBe(429);
    expect(textOf(locked.html)).toContain('Too many failed sign-in attempts. Try again in 15 minutes.');
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(locked.headers.getSetCookie().some((c) => c.startsWith('steward_session='))).toBe(false);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const browser = new ConsoleClient(t);
    await browser.get('/login');
    const res = await browser.post('/login', { email: PASSWORDS.owner[0], password: PASSWORDS.owner[1] });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('steward_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe('first-run setup', () => {
  it('is closed once an owner exists', async () => {
    const browser = new ConsoleClient(t);
    expect((await browser.get('/setup')).location).toBe('/login');
    const res = await browser.post('/setup', { name: 'Mallory', email: 'm@evil.example', password: 'long-enough-pw' });
    expect(res.location).toBe('/login');
    expect(await countUsers(t.ctx)).toBe(3);
  });
});
