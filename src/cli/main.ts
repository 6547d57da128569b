import { reportError } from './errors.ts';
import { createProgram } from './program.ts';

try {
  await createProgram().parseAsync(process.argv);
} catch (err) {
  process.exitCode = await reportError(err);
  // Prefer a natural exit; but a half-started server (port taken) may hold handles, so do not wait on them.
  setTimeout(() => process.exit(), 1000).unref();
}
