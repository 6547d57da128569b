import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';

const program = new Command();
program.name('steward').description('Steward: website maintenance contracts, monitored and made visible');

program
  .command('start')
  .description('Start the server (web; later also scheduler and workers)')
  .action(async () => {
    const config = loadConfig();
    const running = await startServer(config);
    console.error(`Steward is running at ${running.url}`);
  });

await program.parseAsync(process.argv);
