import fs from 'node:fs';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.ts';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

/** Every command in the real tree, as the words a user types: [], ['admin'], ['admin', 'create'], … */
function commandPaths(command: Command, prefix: string[] = []): Array<{ words: string[]; command: Command }> {
  const children = command.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => commandPaths(c, [...prefix, c.name()]));
  return [{ words: prefix, command }, ...children];
}

/** The help text exactly as `--help` prints it, extra text included, without spawning a process. */
function renderHelp(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => (text += s), getOutHelpWidth: () => 80 });
  command.outputHelp();
  return text;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('help of every command (rendered in-process)', () => {
  const paths = commandPaths(createProgram());

  it('covers the commands the product promises', () => {
    expect(paths.map((p) => p.words.join(' '))).toEqual(
      expect.arrayContaining(
        ['start', 'migrate', 'admin create', 'token create', 'token list', 'token revoke'].concat([
          'clients list',
          'clients add',
          'sites list',
          'sites add',
          'plans list',
          'backup',
        ]),
      ),
    );
  });

  it.each(paths.map((p) => [p.words.join(' ') || '(program)', p] as const))('%s', (_, { words, command }) => {
    const help = renderHelp(command);
    expect(help.startsWith(`Usage: steward ${words.join(' ')}`.trimEnd())).toBe(true);
    expect(command.description().length).toBeGreaterThan(15);
    expect(squash(help)).toContain(squash(command.description()));
    for (const option of command.options) {
      expect(help).toContain(option.long);
      expect(option.description.length, `${option.long} needs a description`).toBeGreaterThan(8);
    }
    for (const sub of command.commands) expect(help).toContain(sub.name());
    expect(help).toMatch(/(Examples?|Getting started):\n {2}\$ .*npx steward /);
    for (const line of help.split('\n')) expect(line.length, `too wide: ${line}`).toBeLessThanOrEqual(120);
  });
});

describe('steward --help (the real CLI)', () => {
  let env: CliEnv;
  beforeAll(async () => {
    env = await createCliEnv();
  });
  afterAll(() => env.close());

  it('prints program and command help on stdout with exit code 0', async () => {
    const [top, tokenCreate, backup] = await Promise.all([
      env.run(['--help']),
      env.run(['token', 'create', '--help']),
      env.run(['help', 'backup']),
    ]);
    for (const r of [top, tokenCreate, backup]) expect(r).toMatchObject({ code: 0, stderr: '' });
    for (const name of ['start', 'migrate', 'admin', 'token', 'clients', 'sites', 'plans', 'backup']) {
      expect(top.stdout).toMatch(new RegExp(`^ {2}${name}\\b`, 'm'));
    }
    for (const variable of ['STEWARD_DATA_DIR', 'STEWARD_DATABASE_URL', 'STEWARD_PORT']) {
      expect(top.stdout).toContain(variable);
    }
    expect(top.stdout).toMatch(/Exit status: 0 on success, 1 .*2 for an unexpected failure/s);
    expect(tokenCreate.stdout).toMatch(/^Usage: steward token create \[options\]/);
    expect(tokenCreate.stdout).toContain('--email <address>');
    expect(backup.stdout).toMatch(/^Usage: steward backup \[options\]/);
    expect(backup.stdout).toContain('pg_dump');
  });

  it('prints the version and rejects unknown commands, unknown options, missing options and bad choices', async () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const [version, unknownCommand, unknownOption, missing, badChoice] = await Promise.all([
      env.run(['--version']),
      env.run(['clientz', 'list']),
      env.run(['plans', 'list', '--colour']),
      env.run(['sites', 'add', '--url', 'acme.example']),
      env.run(['start', '--role', 'scheduler']),
    ]);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(unknownCommand.stderr).toContain("unknown command 'clientz'");
    expect(unknownCommand.stderr).toContain('(Did you mean clients?)');
    expect(unknownOption.stderr).toContain("unknown option '--colour'");
    expect(missing.stderr).toContain("required option '--client <id>' not specified");
    expect(badChoice.stderr).toContain("argument 'scheduler' is invalid. Allowed choices are web, worker, all");
    for (const r of [unknownCommand, unknownOption, missing, badChoice]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('(add --help for usage)');
    }
  });
});
