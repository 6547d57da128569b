import { Argument, type Command } from 'commander';

/** Mirrors SEVERITIES in src/domain/sla/policy.ts (test/cli/incident-sla-cli.test.ts checks it). */
export const SEVERITY_LEVELS = ['critical', 'major', 'minor'] as const;

export function registerIncidentsCommands(program: Command): void {
  const incidents = program
    .command('incidents')
    .summary('List, show, acknowledge, pause, annotate and resolve incidents')
    .description('Work on incidents: outages found by the monitors, each with a timeline of what happened')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward incidents list --open
  $ npx steward incidents show inc_0123456789abcdefghjk
  $ npx steward incidents ack inc_0123456789abcdefghjk
  $ npx steward incidents pause inc_0123456789abcdefghjk --reason 'Waiting for the FTP password'
  $ npx steward incidents note inc_0123456789abcdefghjk --text "Host is replacing a switch"
  $ npx steward incidents resolve inc_0123456789abcdefghjk --note "False alarm"`,
    );

  incidents
    .command('list')
    .description('List incidents: open ones first, then the 50 most recently started resolved ones')
    .option('--open', 'only open incidents')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward incidents list
  $ npx steward incidents list --open --json`,
    )
    .action(async (opts) => (await import('./incidents-actions.ts')).listAllIncidents(opts));

  incidents
    .command('show')
    .description('Show an incident: its timestamps, SLA clocks (target, elapsed, due, state) and timeline')
    .argument('<id>', 'the incident id (inc_…), as shown by `incidents list`')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      `
Elapsed times of business-hours clocks are business minutes. Due times are in UTC.

Example:
  $ npx steward incidents show inc_0123456789abcdefghjk`,
    )
    .action(async (id: string, opts) => (await import('./incidents-sla-actions.ts')).show(id, opts));

  incidents
    .command('ack')
    .description('Acknowledge an incident: someone is on it (only the first acknowledgement counts)')
    .argument('<id>', 'the incident id (inc_…), as shown by `incidents list`')
    .addHelpText(
      'after',
      `
Acknowledging twice is refused (exit status 1) and names the first acknowledgement.

Example:
  $ npx steward incidents ack inc_0123456789abcdefghjk`,
    )
    .action(async (id: string) => (await import('./incidents-actions.ts')).acknowledge(id));

  incidents
    .command('note')
    .description("Add a note to an incident's timeline")
    .argument('<id>', 'the incident id (inc_…), as shown by `incidents list`')
    .requiredOption('--text <text>', 'the note (required)')
    .addHelpText(
      'after',
      `
Example:
  $ npx steward incidents note inc_0123456789abcdefghjk --text "Restarted PHP-FPM"`,
    )
    .action(async (id: string, opts) => (await import('./incidents-actions.ts')).addNote(id, opts));

  incidents
    .command('resolve')
    .description('Resolve an open incident by hand, e.g. a false alarm (checks resolve real ones)')
    .argument('<id>', 'the incident id (inc_…), as shown by `incidents list`')
    .option('--note <text>', 'why it is resolved, kept on the timeline')
    .addHelpText(
      'after',
      `
Example:
  $ npx steward incidents resolve inc_0123456789abcdefghjk --note "Firewall test, not an outage"`,
    )
    .action(async (id: string, opts) => (await import('./incidents-actions.ts')).resolve(id, opts));

  incidents
    .command('pause')
    .description('Waiting for the client: stop the SLA clocks until `incidents resume` (or the resolution)')
    .argument('<id>', 'the incident id (inc_…), as shown by `incidents list`')
    .option('--reason <text>', 'what you are waiting for, kept on the timeline')
    .addHelpText(
      'after',
      `
Pausing a paused or resolved incident is refused (exit status 1).

Example:
  $ npx steward incidents pause inc_0123456789abcdefghjk --reason "Waiting for the hosting login"`,
    )
    .action(async (id: string, opts) => (await import('./incidents-sla-actions.ts')).pause(id, opts));

  incidents
    .command('resume')
    .description('The client answered: the SLA clocks run again')
    .argument('<id>', 'the incident id (inc_…), as shown by `incidents list`')
    .addHelpText(
      'after',
      `
Example:
  $ npx steward incidents resume inc_0123456789abcdefghjk`,
    )
    .action(async (id: string) => (await import('./incidents-sla-actions.ts')).resume(id));

  incidents
    .command('severity')
    .description("Set an incident's severity, which picks its SLA targets when the policy sets them per severity")
    .argument('<id>', 'the incident id (inc_…), as shown by `incidents list`')
    .addArgument(new Argument('<level>', 'the new severity').choices(SEVERITY_LEVELS))
    .addHelpText(
      'after',
      `
Example:
  $ npx steward incidents severity inc_0123456789abcdefghjk major`,
    )
    .action(async (id: string, level: string) => (await import('./incidents-sla-actions.ts')).severity(id, level));
}
