import type { Command } from 'commander';

export function registerSlaPolicyCommands(sla: Command): void {
  const policies = sla
    .command('policies')
    .summary('Show SLA policies: targets, clocks, uptime commitment and credits')
    .description('Show SLA policies: response and resolution targets, uptime commitment and service credits')
    .addHelpText(
      'after',
      `
Policies are edited in the console (SLA → Policies) or through the API; a change
applies at once, and incident clocks under the policy are recomputed from their history.

Examples:
  $ npx steward sla policies list
  $ npx steward sla policies show slp_0123456789abcdefghjk`,
    );

  policies
    .command('list')
    .description('List SLA policies with their targets and the plans selling each')
    .option('--all', 'include archived policies')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward sla policies list
  $ npx steward sla policies list --all --json`,
    )
    .action(async (opts) => (await import('./sla-policies-actions.ts')).listPolicies(opts));

  policies
    .command('show')
    .description('Show one SLA policy in full, per-severity targets and credit rule included')
    .argument('<id>', 'the policy id (slp_…), as shown by `sla policies list`')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      `
Example:
  $ npx steward sla policies show slp_0123456789abcdefghjk`,
    )
    .action(async (id: string, opts) => (await import('./sla-policies-actions.ts')).showPolicy(id, opts));
}
