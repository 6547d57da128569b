import { AppError } from '../errors.ts';

/** A problem with how the command was used (a file exists, a flag is missing): exit code 1, no stack. */
export class CliError extends Error {
  override name = 'CliError';
}

export const EXIT_USER_ERROR = 1;
export const EXIT_UNEXPECTED = 2;

type FieldIssue = { path: string; message: string };

function isFieldIssues(details: unknown): details is FieldIssue[] {
  return Array.isArray(details) && details.every((d) => typeof d?.path === 'string' && typeof d?.message === 'string');
}

const kebab = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export type Explanations = {
  /** Domain input field → option name, where the default ("timeZone" → "--time-zone") does not fit. */
  options?: Record<string, string>;
  /** Replaces the domain's terse "X not found" with what was looked for and where to find it. */
  notFound?: string;
};

/** Runs `work` and rewords its domain errors for the command line, so they point at what the user typed. */
export async function explainErrors<T>(work: () => Promise<T>, explain: Explanations = {}): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'not_found' && explain.notFound) throw new AppError('not_found', explain.notFound);
    if (err.code !== 'invalid' || !isFieldIssues(err.details)) throw err;
    const names = explain.options ?? {};
    const details = err.details.map((d) => ({
      path: names[d.path] ?? (/^[a-zA-Z]+$/.test(d.path) ? kebab(d.path) : d.path),
      message: d.message,
    }));
    const first = details[0];
    const message =
      details.length === 1 && first ? `invalid ${first.path || 'input'}: ${first.message}` : 'invalid input';
    throw new AppError('invalid', message, details);
  }
}

/** Writes the error to stderr and returns the exit code: 1 for the user's mistakes, 2 for anything unexpected. */
export async function reportError(err: unknown): Promise<number> {
  if (err instanceof AppError) {
    console.error(`error: ${err.message}`);
    if (isFieldIssues(err.details) && err.details.length > 1) {
      for (const d of err.details) console.error(`  ${d.path || 'input'}: ${d.message}`);
    }
    return EXIT_USER_ERROR;
  }
  const { ConfigError } = await import('../config.ts');
  if (err instanceof CliError || err instanceof ConfigError) {
    console.error(`error: ${err.message}`);
    return EXIT_USER_ERROR;
  }
  const e = err as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  const code = typeof e?.code === 'string' && !message.includes(e.code) ? ` (${e.code})` : '';
  console.error(`error: unexpected failure: ${message}${code}`);
  return EXIT_UNEXPECTED;
}
