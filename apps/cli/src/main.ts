import 'reflect-metadata';
import { COMMANDS } from './commands';
import { UsageError } from './command';
import { ConfigError } from '@regula/platform';

async function main(argv: string[]): Promise<number> {
  const entry = COMMANDS.filter((c) => c.name.every((w, i) => argv[i] === w)).sort((a, b) => b.name.length - a.name.length)[0];
  if (!entry) {
    const lines = ['usage: regula <command> [options]', '', 'commands:'];
    for (const c of COMMANDS) lines.push(`  ${(await c.load()).usage}`);
    process.stderr.write(lines.join('\n') + '\n');
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  const command = await entry.load();
  return command.run(argv.slice(entry.name.length));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`regula: ${err.message}\n`);
      process.exit(78);
    }
    if (err instanceof UsageError) {
      process.stderr.write(`regula: ${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`regula: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
