import { systemActor } from '../domain/context.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../domain/users/tokens.ts';
import { listUsers } from '../domain/users/users.ts';
import { explainErrors } from './errors.ts';
import { formatInstant, printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

export async function createToken(opts: { email: string; name: string }): Promise<void> {
  const { token, record } = await explainErrors(
    () => withSession(({ ctx }) => createApiToken(ctx, systemActor, { email: opts.email, name: opts.name })),
    { notFound: `there is no user with the e-mail ${opts.email}; create one with \`npx steward admin create\`` },
  );
  // stdout carries the token and nothing else, so `$(npx steward token create …)` captures exactly it.
  process.stdout.write(`${token}\n`);
  tell(`Created API token "${record.name}" (${record.id}) for ${opts.email}. It is shown only once; store it now.`);
}

export async function listTokens(opts: { json?: boolean }): Promise<void> {
  const { tokens, emails } = await withSession(async ({ ctx }) => {
    const users = await listUsers(ctx);
    return { tokens: await listApiTokens(ctx, systemActor), emails: new Map(users.map((u) => [u.id, u.email])) };
  });
  if (opts.json) return printJson(tokens);
  if (tokens.length === 0)
    return tell('No API tokens yet. Create one with: npx steward token create --email … --name …');
  printTable(
    ['id', 'user', 'name', 'created', 'last used', 'status'],
    tokens.map((t) => [
      t.id,
      emails.get(t.userId) ?? t.userId,
      t.name,
      formatInstant(t.createdAt),
      formatInstant(t.lastUsedAt),
      t.revokedAt ? `revoked ${formatInstant(t.revokedAt)}` : 'active',
    ]),
  );
}

export async function revokeToken(id: string): Promise<void> {
  const token = await explainErrors(() => withSession(({ ctx }) => revokeApiToken(ctx, systemActor, id)), {
    notFound: `there is no API token ${id}; \`npx steward token list\` shows them`,
  });
  console.log(`Revoked API token "${token.name}" (${token.id}) at ${formatInstant(token.revokedAt)}.`);
}
