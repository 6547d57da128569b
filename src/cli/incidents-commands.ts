import type { Command } from 'commander';

export function registerIncidentsCommands(program: Command): void {
  const incidents = program
    .command('incidents')
    .summary('List, acknowledge, annotate and resolve incidents')
    .description('Work on incidents: outages found by the monitors, each with a timeline of what happened')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward incidents list --open
  $ npx steward incidents ack inc_0123456789abcdefghjk
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
}
