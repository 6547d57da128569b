import type { Command } from 'commander';

export function registerSlaPolicyCommands(_sla: Command): void {}
