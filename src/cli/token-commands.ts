import type { Command } from 'commander';

export function registerTokenCommands(program: Command): void {
  const token = program
    .command('token')
    .summary('Create, list and revoke API tokens')
    .description('Manage API tokens for the REST API (Authorization: Bearer …)')
    .addHelpText(
      'after',
      `
Examples:
  $ TOKEN=$(npx steward token create --email you@agency.example --name "CI")
  $ curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/api/v1/clients
  $ npx steward token list
  $ npx steward token revoke tok_0123456789abcdefghjk`,
    );

  token
    .command('create')
    .description('Create an API token for a user and print it, alone, on stdout')
    .requiredOption('--email <address>', 'the user the token acts as (required)')
    .requiredOption('--name <name>', 'what the token is for, e.g. "CI" or "Zapier" (required)')
    .addHelpText(
      'after',
      `
The token acts with that user's role. It is shown only this once (Steward
stores only a hash), so capture it straight away; messages go to stderr.

Example:
  $ npx steward token create --email you@agency.example --name "CI" > ci-token.txt`,
    )
    .action(async (opts) => (await import('./token-actions.ts')).createToken(opts));

  token
    .command('list')
    .description('List API tokens (never their secrets) with their user, last use and status')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward token list
  $ npx steward token list --json`,
    )
    .action(async (opts) => (await import('./token-actions.ts')).listTokens(opts));

  token
    .command('revoke')
    .description('Revoke an API token; requests using it are refused from now on')
    .argument('<id>', 'the token id (tok_…), as shown by `token list`')
    .addHelpText(
      'after',
      `
Example:
  $ npx steward token revoke tok_0123456789abcdefghjk`,
    )
    .action(async (id: string) => (await import('./token-actions.ts')).revokeToken(id));
}
