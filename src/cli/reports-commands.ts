import type { Command } from 'commander';

// STUB (owned by the reports helper).
export function registerReportsCommands(_program: Command): void {}
