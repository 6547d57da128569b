import type { Command } from 'commander';

export function registerPlansCommands(program: Command): void {
  const plans = program
    .command('plans')
    .summary('Show the plan catalogue')
    .description('Show the plan catalogue (Basic, Standard, Premium and your own tiers)')
    .addHelpText(
      'after',
      `
Plans are edited in the console or through the API; every change makes a new
version, so contracts keep the terms they were signed on.

Example:
  $ npx steward plans list`,
    );

  plans
    .command('list')
    .description('List current plans: check interval, prices, support hours and SLA')
    .option('--json', 'print JSON (prices in minor units, e.g. cents) instead of a table')
    .option('--all', 'include archived plans')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward plans list
  $ npx steward plans list --json`,
    )
    .action(async (opts) => (await import('./plans-actions.ts')).listAllPlans(opts));
}
