import type { Command } from 'commander';
import { registerSlaCalendarCommands } from './sla-calendars-commands.ts';
import { registerSlaComplianceCommands } from './sla-compliance-commands.ts';
import { registerSlaPolicyCommands } from './sla-policies-commands.ts';

export function registerSlaCommands(program: Command): void {
  const sla = program
    .command('sla')
    .description('SLA: business-hours calendars, policies and monthly compliance')
    .helpOption('-h, --help', 'show help for a command');
  registerSlaCalendarCommands(sla);
  registerSlaPolicyCommands(sla);
  registerSlaComplianceCommands(sla);
}
