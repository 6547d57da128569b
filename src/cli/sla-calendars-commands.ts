import type { Command } from 'commander';

export function registerSlaCalendarCommands(_sla: Command): void {}
