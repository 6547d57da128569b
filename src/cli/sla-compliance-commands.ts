import type { Command } from 'commander';

export function registerSlaComplianceCommands(_sla: Command): void {}
