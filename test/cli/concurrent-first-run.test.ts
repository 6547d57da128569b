import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

// Several processes starting on a database nobody has migrated yet (a server and a CLI command, or
// two commands in a script) must all succeed: one migrates, the others wait and find it done.
describe('first run from several processes at once', { timeout: 120_000 }, () => {
  let env: CliEnv;
  beforeAll(async () => {
    env = await createCliEnv();
  });
  afterAll(() => env.close());

  it('three commands on a fresh database all succeed and seed the catalogue once', async () => {
    const runs = await Promise.all([
      env.run(['plans', 'list']),
      env.run(['sla', 'policies', 'list', '--json']),
      env.run(['plans', 'list']),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(runs[1]?.stdout ?? '')).toHaveLength(3);
    const plans = (await env.run(['plans', 'list'])).stdout.trimEnd().split('\n');
    expect(plans).toHaveLength(4); // a header and three plans: seeded once
  });
});
