import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openStorageFor } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { CliError } from './errors.ts';
import { tell } from './output.ts';

export async function backupDatabase(opts: { out: string; force?: boolean }): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new CliError(
      'backup copies the embedded SQLite database, but this Steward uses PostgreSQL (STEWARD_DATABASE_URL). ' +
        'Use pg_dump instead, e.g.: pg_dump --format=custom --file=steward.dump "$STEWARD_DATABASE_URL"',
    );
  }
  const out = path.resolve(opts.out);
  if (!fs.existsSync(config.sqlitePath)) {
    throw new CliError(`there is no database at ${config.sqlitePath}; check STEWARD_DATA_DIR`);
  }
  if (out === config.sqlitePath) throw new CliError('--out must not be the live database itself');
  if (fs.existsSync(out) && !opts.force) {
    throw new CliError(`${out} already exists; choose another file or pass --force to replace it`);
  }
  if (!fs.existsSync(path.dirname(out))) throw new CliError(`the directory ${path.dirname(out)} does not exist`);

  // Write beside the target and move it into place only once it checks out: no half-written backups.
  const partial = `${out}.partial-${process.pid}`;
  try {
    const storage = openStorageFor(config);
    try {
      await storage.sqlite!.backup(partial);
    } finally {
      await storage.close();
    }
    makeStandalone(partial);
    placeBackup(partial, out, Boolean(opts.force));
    const sizeBytes = fs.statSync(out).size;
    console.log(out);
    tell(`Backed up ${config.sqlitePath} to ${out}: ${formatBytes(sizeBytes)}, integrity check passed.`);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * The copy inherits WAL mode, which would leave -wal/-shm files beside it whenever it is opened; switching
 * it to a rollback journal makes it one portable file. Then SQLite checks every page of it.
 */
function makeStandalone(file: string): void {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the backup failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

function placeBackup(partial: string, out: string, force: boolean): void {
  if (force) {
    fs.renameSync(partial, out);
    return;
  }
  try {
    // link() fails if the target appeared meanwhile, so an existing file is never replaced without --force.
    fs.linkSync(partial, out);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'EEXIST') {
      throw new CliError(`${out} already exists; choose another file or pass --force to replace it`);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP') throw err;
    // Some file systems have no hard links; an exclusive copy still never replaces an existing file.
    fs.copyFileSync(partial, out, fs.constants.COPYFILE_EXCL);
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}
