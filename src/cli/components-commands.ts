import type { Command } from 'commander';

// STUB (owned by the components helper).
export function registerComponentsCommands(_program: Command): void {}
