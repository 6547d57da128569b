import type { TestApp } from '../support/test-app.ts';

export const ORIGIN = 'http://localhost';

export const PASSWORDS = {
  owner: ['owner@agency.test', 'owner-password-1'],
  admin: ['admin@agency.test', 'admin-password-1'],
  technician: ['tech@agency.test', 'tech-password-1'],
} as const;

export type Page = { status: number; html: string; location: string | null; headers: Headers };

/** The first hidden _csrf value on a page: what a browser would post back. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no _csrf field on the page');
  return match[1];
}

/**
 * A minimal browser for the console through app.request: keeps cookies, sends same-origin
 * form posts with the page's CSRF token unless a test says otherwise.
 */
export class ConsoleClient {
  private readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly t: TestApp) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async send(path: string, init: RequestInit): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const res = await this.t.app.request(path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (!name) continue;
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const html = await res.text();
    if (/name="_csrf" value="/.test(html)) this.csrf = csrfOf(html);
    return { status: res.status, html, location: res.headers.get('location'), headers: res.headers };
  }

  get(path: string): Promise<Page> {
    return this.send(path, { method: 'GET' });
  }

  /** Follows a 303 the way a browser would. */
  async follow(page: Page): Promise<Page> {
    if (page.status !== 303 || !page.location) throw new Error(`expected a 303, got ${page.status}`);
    return this.get(page.location);
  }

  async post(
    path: string,
    fields: Record<string, string>,
    opts: { csrf?: string | null; origin?: string | null } = {},
  ): Promise<Page> {
    if (this.csrf === undefined && opts.csrf === undefined) await this.get('/login');
    const body = new URLSearchParams(fields);
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf !== null && csrf !== undefined) body.set('_csrf', csrf);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    const origin = opts.origin === undefined ? ORIGIN : opts.origin;
    if (origin !== null) headers.origin = origin;
    return this.send(path, { method: 'POST', headers, body: body.toString() });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async signIn(role: keyof typeof PASSWORDS): Promise<Page> {
    const [email, password] = PASSWORDS[role];
    await this.get('/login');
    const res = await this.post('/login', { email, password });
    if (res.status !== 303) throw new Error(`sign-in as ${role} failed with ${res.status}`);
    // The session has its own CSRF token: pick it up from a signed-in page.
    await this.get('/admin');
    return res;
  }
}

/** Signs a fresh client in as one of createTestApp's users. */
export async function signedIn(t: TestApp, role: keyof typeof PASSWORDS): Promise<ConsoleClient> {
  const client = new ConsoleClient(t);
  await client.signIn(role);
  return client;
}

/** The visible text of the page, tags stripped, for readable assertions. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<option[\s\S]*?<\/option>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:-]+)(?:="([^"]*)")?/g)) if (m[1]) attrs[m[1]] = decode(m[2] ?? '');
  return attrs;
}

/**
 * The fields a browser would submit for the form posting to `action`, as the page shows them:
 * text inputs, ticked boxes and radios, selected options, textareas. Leaves out _csrf.
 */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const a = attributes(tag.slice(6));
    if (!a.name || a.name === '_csrf') continue;
    if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
    fields[a.name] = a.value ?? '';
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const options = [...(m[2] ?? '').matchAll(/<option value="([^"]*)"( selected="")?/g)];
    const chosen = options.find((o) => o[2]) ?? options[0];
    if (m[1]) fields[m[1]] = decode(chosen?.[1] ?? '');
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    if (m[1]) fields[m[1]] = decode(m[2] ?? '');
  }
  return fields;
}
