/** A CLI sub-command. `run` returns the process exit code. */
export interface Command {
  /** The words that select it, e.g. ['tenants', 'sync']. */
  name: string[];
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for bad command-line input; printed without a stack trace, exit 2. */
export class UsageError extends Error {}

/** Parses `--flag value` and `--switch` options; positional arguments are kept in order. */
export function parseArgs(args: string[], switches: string[] = []): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) flags[key] = inline;
      else if (switches.includes(key)) flags[key] = true;
      else {
        const v = args[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${key} needs a value`);
        flags[key] = v;
        i++;
      }
    } else positional.push(a);
  }
  return { flags, positional };
}
