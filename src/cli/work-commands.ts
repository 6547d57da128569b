import type { Command } from 'commander';

// STUB (owned by the worklog helper).
export function registerWorkCommands(_program: Command): void {}
