import type { Command } from 'commander';

// STUB (owned by the ingest helper).
export function registerIngestCommands(_program: Command): void {}
