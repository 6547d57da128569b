import type { Command } from 'commander';
import { registerSlaCalendarCommands } from './sla-calendars-commands.ts';
import { registerSlaComplianceCommands } from './sla-compliance-commands.ts';
import { registerSlaPolicyCommands } from './sla-policies-commands.ts';

export function registerSlaCommands(program: Command): void {
  const sla = program
    .command('sla')
    .description('SLA: business-hours calendars, policies and monthly compliance')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward sla compliance --month 2026-03
  $ npx steward sla calendars list
  $ npx steward sla holidays import --calendar cal_… --file holidays.ics
  $ npx steward sla policies list

The rules behind every figure are in docs/sla.md.`,
    );
  registerSlaCalendarCommands(sla);
  registerSlaPolicyCommands(sla);
  registerSlaComplianceCommands(sla);
}
