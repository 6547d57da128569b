import { describe, expect, it } from 'vitest';
import { pageOf, siteDoc } from '../../src/http/api/doc-schemas.ts';
import {
  collectPages,
  databaseDigest,
  expectError,
  expectInvalid,
  expectOk,
  makeClient,
  makeContract,
  makeSite,
  useTestApp,
} from './helpers.ts';

const t = useTestApp();

describe('sites', () => {
  it('creates a site with a normalised URL, a default name and CMS, and no plan while the client has no contract', async () => {
    const client = await makeClient(t());
    const site = expectOk(
      await t().api('POST', '/sites', { clientId: client.id, url: '  WWW.Example.COM:443/Shop?x=1#top ' }),
      201,
      siteDoc,
    );
    expect(site).toMatchObject({
      clientId: client.id,
      url: 'https://www.example.com/Shop?x=1',
      name: 'www.example.com',
      cms: 'other',
      plan: null,
      archivedAt: null,
    });
    expect(expectOk(await t().api('GET', `/sites/${site.id}`), 200, siteDoc)).toEqual(site);
  });

  it('keeps http:// and a non-default port', async () => {
    const client = await makeClient(t());
    const site = expectOk(
      await t().api('POST', '/sites', { clientId: client.id, url: 'http://Intranet.example.org:8080', cms: 'joomla' }),
      201,
      siteDoc,
    );
    expect(site).toMatchObject({ url: 'http://intranet.example.org:8080/', cms: 'joomla' });
  });

  it('refuses a duplicate URL for the same client, also when it differs only by normalisation (409)', async () => {
    const client = await makeClient(t());
    await makeSite(t(), client.id, { url: 'https://example.com/' });
    const before = await databaseDigest(t());
    for (const url of [
      'https://example.com/',
      'https://example.com',
      'example.com',
      'https://example.com/#frag',
      'https://EXAMPLE.COM/',
      'HTTPS://Example.com:443',
    ]) {
      const res = await t().api('POST', '/sites', { clientId: client.id, url });
      expect(expectError(res, 409, 'conflict').message).toContain('https://example.com/');
    }
    expect(await databaseDigest(t())).toEqual(before);
    // Another client may monitor the same URL.
    const other = await makeClient(t());
    expectOk(await t().api('POST', '/sites', { clientId: other.id, url: 'example.com' }), 201, siteDoc);
  });

  it('answers 404 for an unknown client or site, and 409 for an archived client', async () => {
    expectError(await t().api('POST', '/sites', { clientId: 'cli_nope', url: 'a.example' }), 404, 'not_found');
    expectError(await t().api('GET', '/sites/site_nope'), 404, 'not_found');
    expectError(await t().api('PATCH', '/sites/site_nope', { name: 'X' }), 404, 'not_found');
    expectError(await t().api('POST', '/sites/site_nope/archive'), 404, 'not_found');
    expectError(await t().api('POST', '/sites/site_nope/restore'), 404, 'not_found');
    const client = await makeClient(t());
    await t().api('POST', `/clients/${client.id}/archive`);
    expectError(await t().api('POST', '/sites', { clientId: client.id, url: 'a.example' }), 409, 'conflict');
  });

  it('refuses URLs it cannot monitor with 422 and the path url', async () => {
    const client = await makeClient(t());
    for (const url of [
      '',
      'ftp://example.com',
      'https://user:pw@example.com',
      'not a url',
      'https://nodot',
      'x'.repeat(3000),
    ]) {
      expectInvalid(await t().api('POST', '/sites', { clientId: client.id, url }), ['url']);
    }
    expectInvalid(await t().api('POST', '/sites', { clientId: client.id, url: 'a.example', cms: 'typo3' }), ['cms']);
    expectInvalid(await t().api('POST', '/sites', { url: 'a.example' }), ['clientId']);
  });

  it('updates a site; a URL change is normalised and checked for duplicates', async () => {
    const client = await makeClient(t());
    const a = await makeSite(t(), client.id, { url: 'a.example.com' });
    const b = await makeSite(t(), client.id, { url: 'b.example.com' });
    const updated = expectOk(
      await t().api('PATCH', `/sites/${b.id}`, { url: 'HTTPS://B2.Example.com/#x', name: 'Shop', cms: 'wordpress' }),
      200,
      siteDoc,
    );
    expect(updated).toMatchObject({ url: 'https://b2.example.com/', name: 'Shop', cms: 'wordpress' });
    expectError(await t().api('PATCH', `/sites/${b.id}`, { url: 'A.EXAMPLE.COM#frag' }), 409, 'conflict');
    expect(expectOk(await t().api('GET', `/sites/${b.id}`), 200, siteDoc).url).toBe('https://b2.example.com/');
    expectInvalid(await t().api('PATCH', `/sites/${a.id}`, { url: 'mailto:x@y.z' }), ['url']);
  });

  it('archives and restores; restoring is refused while another live site uses the same URL', async () => {
    const client = await makeClient(t());
    const first = await makeSite(t(), client.id, { url: 'dup.example.com' });
    const archived = expectOk(await t().api('POST', `/sites/${first.id}/archive`), 200, siteDoc);
    expect(archived.archivedAt).toBe('2026-03-02T09:00:00.000Z');
    await makeSite(t(), client.id, { url: 'dup.example.com' });
    expectError(await t().api('POST', `/sites/${first.id}/restore`), 409, 'conflict');
    const other = await makeSite(t(), client.id, { url: 'other.example.com' });
    await t().api('POST', `/sites/${other.id}/archive`);
    expect(expectOk(await t().api('POST', `/sites/${other.id}/restore`), 200, siteDoc).archivedAt).toBeNull();
  });

  it("derives the site's plan from the client's live contract", async () => {
    const client = await makeClient(t());
    const site = await makeSite(t(), client.id);
    const contract = await makeContract(t(), client.id, { planId: 'premium', status: 'trial' });
    const withPlan = expectOk(await t().api('GET', `/sites/${site.id}`), 200, siteDoc);
    expect(withPlan.plan).toMatchObject({
      contractId: contract.id,
      contractStatus: 'trial',
      planCode: 'premium',
      planName: 'Premium',
      planVersion: 1,
      checkIntervalS: 30,
    });
    await t().api('POST', `/contracts/${contract.id}/end`);
    expect(expectOk(await t().api('GET', `/sites/${site.id}`), 200, siteDoc).plan).toBeNull();
  });
});

describe('listing sites', () => {
  it('filters by client, CMS and archived state, and pages with a cursor', async () => {
    const acme = await makeClient(t());
    const other = await makeClient(t());
    const site = async (clientId: string, cms: string) => {
      t().clock.advance(1); // distinct creation instants give a known list order
      return makeSite(t(), clientId, { cms });
    };
    const wp = await site(acme.id, 'wordpress');
    const drupal = await site(acme.id, 'drupal');
    const foreign = await site(other.id, 'wordpress');
    const gone = await site(acme.id, 'wordpress');
    await t().api('POST', `/sites/${gone.id}/archive`);
    const ids = async (query: string) =>
      expectOk(await t().api('GET', `/sites${query}`), 200, pageOf(siteDoc)).data.map((s) => s.id);
    expect(await ids(`?clientId=${acme.id}`)).toEqual([wp.id, drupal.id]);
    expect(await ids('?cms=wordpress')).toEqual([wp.id, foreign.id]);
    expect(await ids(`?clientId=${acme.id}&cms=wordpress&archived=all`)).toEqual([wp.id, gone.id]);
    expect(await ids('?archived=true')).toEqual([gone.id]);
    const { items } = await collectPages<{ id: string }>(t(), '/sites?archived=all', 1);
    expect(items.map((s) => s.id)).toEqual([wp.id, drupal.id, foreign.id, gone.id]);
    expectInvalid(await t().api('GET', '/sites?cms=typo3'), ['cms']);
    expectInvalid(await t().api('GET', '/sites?cursor=%%%'), ['cursor']);
  });

  it('filters by name or URL case-insensitively', async () => {
    const client = await makeClient(t());
    const shop = await makeSite(t(), client.id, { url: 'https://example.com/Online-SHOP', name: 'Web store' });
    t().clock.advance(1);
    const blog = await makeSite(t(), client.id, { url: 'https://blog.example.net', name: 'Company BLOG' });
    const ids = async (q: string) =>
      expectOk(await t().api('GET', `/sites?q=${encodeURIComponent(q)}`), 200, pageOf(siteDoc)).data.map((s) => s.id);
    expect(await ids('online-shop')).toEqual([shop.id]);
    expect(await ids('WEB STORE')).toEqual([shop.id]);
    expect(await ids('blog')).toEqual([blog.id]);
    expect(await ids('EXAMPLE')).toEqual([shop.id, blog.id]);
  });
});
