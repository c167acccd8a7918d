/**
 * Configuration: one validated schema per app, read once at boot. A bad or
 * missing variable stops the boot with a message naming it.
 */
export interface VarSpec<T> {
  /** Documented in README "Configuration". */
  description: string;
  default?: T;
  parse(raw: string): T;
}

export class ConfigError extends Error {}

export const str = (description: string, def?: string): VarSpec<string> => ({
  description,
  default: def,
  parse: (raw) => {
    if (!raw.trim()) throw new Error('must not be empty');
    return raw;
  },
});

export const int = (description: string, def: number | undefined, min: number, max: number): VarSpec<number> => ({
  description,
  default: def,
  parse: (raw) => {
    if (!/^\d+$/.test(raw)) throw new Error('must be a whole number');
    const n = Number(raw);
    if (n < min || n > max) throw new Error(`must be between ${min} and ${max}`);
    return n;
  },
});

export const url = (description: string, protocols: string[], def?: string): VarSpec<string> => ({
  description,
  default: def,
  parse: (raw) => {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new Error('must be a URL');
    }
    if (!protocols.includes(u.protocol)) throw new Error(`must be a ${protocols.join(' or ')} URL`);
    return raw;
  },
});

export const oneOf = <T extends string>(description: string, values: readonly T[], def?: T): VarSpec<T> => ({
  description,
  default: def,
  parse: (raw) => {
    if (!values.includes(raw as T)) throw new Error(`must be one of ${values.join(', ')}`);
    return raw as T;
  },
});

export const secret = (description: string, minLength: number): VarSpec<string> => ({
  description,
  parse: (raw) => {
    if (raw.length < minLength) throw new Error(`must be at least ${minLength} characters`);
    return raw;
  },
});

export type Schema = Record<string, VarSpec<unknown>>;
export type ConfigOf<S extends Schema> = { [K in keyof S]: S[K] extends VarSpec<infer T> ? T : never };

/** Reads every variable of `schema` from `env`; throws one ConfigError naming every bad variable. */
export function loadConfig<S extends Schema>(schema: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (spec.default === undefined) problems.push(`${name} is required (${spec.description})`);
      else out[name] = spec.default;
      continue;
    }
    try {
      out[name] = spec.parse(raw);
    } catch (e) {
      problems.push(`${name} ${(e as Error).message} (${spec.description})`);
    }
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return out as ConfigOf<S>;
}
