import { type Ctx, systemActor } from '../domain/context.ts';
import type { User } from '../domain/users/schemas.ts';
import { countUsers, createFirstOwner, createUser } from '../domain/users/users.ts';
import { AppError } from '../errors.ts';
import type { UserRole } from './choices.ts';
import { CliError, explainErrors } from './errors.ts';
import { definedOnly, tell } from './output.ts';
import { withSession } from './session.ts';

export type CreateStaffUserOptions = {
  email: string;
  password?: string;
  passwordStdin?: boolean;
  name?: string;
  role: UserRole;
};

export async function createStaffUser(opts: CreateStaffUserOptions): Promise<void> {
  const password = await choosePassword(opts);
  const input = definedOnly({ email: opts.email, password, name: opts.name, role: opts.role });
  const user = await explainErrors(() => withSession(({ ctx }) => createUserOrFirstOwner(ctx, input)));
  console.log(user.id);
  tell(`Created ${user.role} ${user.email}; they can sign in to the console with this e-mail and password.`);
}

/** The first owner goes through first-run setup, so /setup stops offering itself. */
async function createUserOrFirstOwner(ctx: Ctx, input: Record<string, unknown>): Promise<User> {
  if ((await countUsers(ctx)) === 0) {
    if (input.role !== 'owner') {
      throw new CliError('the first user must be an owner; leave out --role or use --role owner');
    }
    try {
      return await createFirstOwner(ctx, input);
    } catch (err) {
      // Someone finished setup in the browser meanwhile: create the user as an ordinary one.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  return createUser(ctx, systemActor, input);
}

async function choosePassword(opts: CreateStaffUserOptions): Promise<string> {
  if (opts.password !== undefined && opts.passwordStdin) {
    throw new CliError('use either --password or --password-stdin, not both');
  }
  if (opts.password !== undefined) return opts.password;
  if (!opts.passwordStdin) throw new CliError('a password is required: pass --password or --password-stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // A file or `echo` ends with a newline that is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
