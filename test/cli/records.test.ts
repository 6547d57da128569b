import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

describe('migrate, clients, sites and plans from the command line', { timeout: 120_000 }, () => {
  let env: CliEnv;
  let acmeId: string;

  beforeAll(async () => {
    env = await createCliEnv();
  });
  afterAll(() => env.close());

  it('migrate applies the migrations once, then reports the database up to date', async () => {
    const first = await env.run(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied migration 0001_init$/m);
    expect(first.stderr).toContain(env.dialect === 'sqlite' ? 'SQLite database' : 'PostgreSQL database steward_cli_');
    const second = await env.run(['migrate']);
    expect(second).toMatchObject({ code: 0, stdout: 'Database is up to date; no migrations to apply.\n' });
  });

  it('clients add prints the new id, or the record with --json, and refuses bad input naming the options', async () => {
    // Acme first, so the listing order below is known; the rest can run side by side.
    const acme = await env.run([
      'clients',
      'add',
      '--name',
      'Acme Ltd',
      '--contact-name',
      'Ann Lee',
      '--contact-email',
      'ann@acme.example',
    ]);
    const [graf, bad, halfContact, badContact] = await Promise.all([
      env.run([
        'clients',
        'add',
        '--name',
        'Bäckerei Graf',
        '--locale',
        'de',
        '--time-zone',
        'Europe/Berlin',
        '--json',
      ]),
      env.run(['clients', 'add', '--name', 'Nope', '--time-zone', 'Mars/Olympus', '--currency', 'XYZ']),
      env.run(['clients', 'add', '--name', 'Nope', '--contact-name', 'Ann Lee']),
      env.run(['clients', 'add', '--name', 'Nope', '--contact-name', 'Ann Lee', '--contact-email', 'ann@']),
    ]);
    expect(acme.code).toBe(0);
    expect(acme.stdout).toMatch(/^cli_[0-9a-z]{20}\n$/);
    acmeId = acme.stdout.trim();
    expect(graf.code).toBe(0);
    expect(JSON.parse(graf.stdout)).toMatchObject({ name: 'Bäckerei Graf', locale: 'de', timeZone: 'Europe/Berlin' });

    expect(bad.stderr).toMatch(/^error: invalid input\n/);
    expect(bad.stderr).toContain('  --time-zone: must be an IANA time zone');
    expect(bad.stderr).toContain('  --currency: is not a known ISO 4217 currency');
    expect(halfContact.stderr).toContain('--contact-name and --contact-email go together');
    expect(badContact.stderr).toBe('error: invalid --contact-email: must be an e-mail address\n');
    for (const r of [bad, halfContact, badContact]) expect(r).toMatchObject({ code: 1, stdout: '' });

    // Nothing of the refused clients was written.
    const all = JSON.parse((await env.run(['clients', 'list', '--json'])).stdout);
    expect(all.map((c: { name: string }) => c.name)).toEqual(['Acme Ltd', 'Bäckerei Graf']);
  });

  it('clients list shows a table and filters by name', async () => {
    const [table, filtered, none] = await Promise.all([
      env.run(['clients', 'list']),
      env.run(['clients', 'list', '--q', 'ACME', '--json']),
      env.run(['clients', 'list', '-q', 'zzz']),
    ]);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+LOCALE\s+TIME ZONE\s+CURRENCY\s+CREATED$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${acmeId}\\s+Acme Ltd\\s+en\\s+UTC\\s+EUR\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC$`),
    );
    expect(lines[2]).toMatch(/^cli_\w+\s+Bäckerei Graf\s+de\s+Europe\/Berlin\s+EUR\s/);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(filtered.stdout).map((c: { id: string }) => c.id)).toEqual([acmeId]);
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No clients match "zzz".\n' });
  });

  it('sites add normalises the URL, refuses a duplicate for the same client and an unknown client', async () => {
    const added = await env.run(['sites', 'add', '--client', acmeId, '--url', 'acme.example', '--cms', 'wordpress']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^site_[0-9a-z]{20}\n$/);
    expect(added.stderr).toContain('at https://acme.example/');

    const [duplicate, unknownClient, badUrl, shop] = await Promise.all([
      env.run(['sites', 'add', '--client', acmeId, '--url', 'HTTPS://ACME.example/']),
      env.run(['sites', 'add', '--client', 'cli_missing', '--url', 'acme.example']),
      env.run(['sites', 'add', '--client', acmeId, '--url', 'ftp://acme.example']),
      env.run(['sites', 'add', '--client', acmeId, '--url', 'shop.acme.example', '--name', 'Acme shop', '--json']),
    ]);
    expect(duplicate).toMatchObject({ code: 1, stdout: '' });
    expect(duplicate.stderr).toBe('error: This client already has a site at https://acme.example/\n');
    expect(unknownClient).toMatchObject({ code: 1, stdout: '' });
    expect(unknownClient.stderr).toContain('there is no client cli_missing');
    expect(badUrl).toMatchObject({ code: 1, stdout: '' });
    expect(badUrl.stderr).toMatch(/^error: invalid --url: /);
    expect(JSON.parse(shop.stdout)).toMatchObject({
      name: 'Acme shop',
      url: 'https://shop.acme.example/',
      cms: 'other',
    });
  });

  it('sites list shows each site with its client, for all clients or one', async () => {
    const [table, mine, unknown] = await Promise.all([
      env.run(['sites', 'list']),
      env.run(['sites', 'list', '--client', acmeId, '--json']),
      env.run(['sites', 'list', '--client', 'cli_missing']),
    ]);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+URL\s+CMS\s+CLIENT\s+PLAN$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^site_\w+\s+acme\.example\s+https:\/\/acme\.example\/\s+wordpress\s+Acme Ltd\s+–$/),
      expect.stringMatching(/^site_\w+\s+Acme shop\s+https:\/\/shop\.acme\.example\/\s+other\s+Acme Ltd\s+–$/),
    ]);
    expect(JSON.parse(mine.stdout).map((s: { url: string }) => s.url)).toEqual([
      'https://acme.example/',
      'https://shop.acme.example/',
    ]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
  });

  it('plans list shows the seeded catalogue with prices from minor units, support hours and SLA', async () => {
    const [table, json] = await Promise.all([env.run(['plans', 'list']), env.run(['plans', 'list', '--json'])]);
    const plans = JSON.parse(json.stdout);
    expect(plans.map((p: { code: string }) => p.code)).toEqual(['basic', 'standard', 'premium']);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CODE\s+NAME\s+VERSION\s+CHECKS\s+PER MONTH\s+PER YEAR\s+SUPPORT\/MONTH\s+SLA$/);
    for (const [i, plan] of plans.entries()) {
      const euros = (minor: number) => `${(minor / 100).toLocaleString('en', { minimumFractionDigits: 2 })} EUR`;
      const row = lines[i + 1] ?? '';
      expect(row).toMatch(new RegExp(`^${plan.code}\\s+${plan.name}\\s+v${plan.version}\\s+every `));
      expect(row).toContain(euros(plan.monthlyPriceMinor));
      expect(row).toContain(euros(plan.annualPriceMinor));
      expect(row).toContain(`${plan.supportMinutesPerMonth / 60} h`);
    }
    const premium = lines[3] ?? '';
    expect(premium).toContain('every 30 s');
    expect(premium).toMatch(/response 30 min, resolution 4 h, 24\/7, 99\.9 % uptime$/);
    expect(lines[1]).toMatch(/every 3 min .* response 4 h, resolution 16 h, business hours$/);
  });

  it('reports configuration problems with exit code 1 and unexpected failures with exit code 2', async () => {
    const [badConfig, noDatabase] = await Promise.all([
      env.run(['plans', 'list'], { env: { STEWARD_PORT: 'eighty' } }),
      env.run(['clients', 'list'], { env: { STEWARD_DATABASE_URL: 'postgres://steward@127.0.0.1:1/steward' } }),
    ]);
    expect(badConfig).toMatchObject({ code: 1, stdout: '' });
    expect(badConfig.stderr).toMatch(/^error: Invalid configuration:\n {2}STEWARD_PORT: /);
    expect(noDatabase).toMatchObject({ code: 2, stdout: '' });
    expect(noDatabase.stderr).toMatch(/^error: unexpected failure: .*ECONNREFUSED/);
  });
});
