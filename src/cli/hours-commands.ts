import type { Command } from 'commander';

// STUB (owned by the budgets helper).
export function registerHoursCommands(_program: Command): void {}
