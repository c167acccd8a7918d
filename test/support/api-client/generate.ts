import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The committed client types (`npm run api:client` writes them). */
export const CLIENT_TYPES_FILE = 'clients/typescript/regula-api.d.ts';

/**
 * The client types of an OpenAPI document, by the project's own generator
 * (scripts/api-client.js, openapi-typescript), in a process of its own:
 * openapi-typescript is an ES module Jest's CommonJS runtime cannot load.
 */
export function clientTypes(doc: object): string {
  return execFileSync(process.execPath, [path.join(__dirname, '..', '..', '..', 'scripts', 'api-client.js'), '-'], { input: JSON.stringify(doc), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
