import type { Command } from 'commander';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .summary('Copy the SQLite database to a file, even while it runs')
    .description('Copy the embedded SQLite database to a file, safely, even while Steward runs')
    .requiredOption('--out <file>', 'where to write the copy (required)')
    .option('--force', 'replace the file if it already exists')
    .addHelpText(
      'after',
      `
Uses SQLite's online backup, so the copy is consistent even while the server
writes. The copy is a single self-contained file (no -wal/-shm) and is checked
before it is put in place. To restore: stop Steward, delete steward.db-wal and
steward.db-shm if present, then put the copy at $STEWARD_DATA_DIR/steward.db.

With PostgreSQL (STEWARD_DATABASE_URL) use pg_dump instead.

Examples:
  $ npx steward backup --out backups/steward-$(date +%F).db
  $ npx steward backup --out /var/backups/steward.db --force`,
    )
    .action(async (opts) => (await import('./backup-action.ts')).backupDatabase(opts));
}
