import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MAIN = { api: 'apps/api/src/main.ts', worker: 'apps/worker/src/main.ts' } as const;
/** The shared transpile cache every process run from source preloads (scripts/lib/transpile-cache.js). */
const TRANSPILE_CACHE_HOOK = path.join(ROOT, 'scripts', 'lib', 'transpile-cache.js');
const READY_WITHIN_MS = 180_000;
const STOP_WITHIN_MS = 10_000;

export type NodeKind = keyof typeof MAIN;

/** An API or worker process started from source, as `npm start` starts it (its own `main.ts`). */
export interface NodeProcess {
  kind: NodeKind;
  name: string;
  pid: number;
  child: ChildProcess;
  /** The last 20,000 characters it wrote (stdout and stderr), for a failure's message. */
  output(): string;
  /** Settles when the process has ended, however it ended. */
  exited: Promise<void>;
  /** SIGTERM (the app closes its queues and pools), SIGKILL if it is still there after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `apps/<kind>/src/main.ts` in a process of its own with `env` added to
 * this one's, compiled through the shared transpile cache
 * (`scripts/lib/transpile-cache.js`); resolves once the app sent its ready signal
 * (`signalReady`, over the IPC channel opened here), rejects with its output
 * if it exits first.
 */
export function startNode(kind: NodeKind, name: string, env: Record<string, string>): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', TRANSPILE_CACHE_HOOK, '-r', 'tsconfig-paths/register', MAIN[kind]], {
    cwd: ROOT,
    env: { ...process.env, ...env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const node: NodeProcess = {
    kind,
    name,
    pid: child.pid!,
    child,
    output: () => out,
    exited,
    async stop() {
      if (!ended()) {
        process.kill(node.pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, STOP_WITHIN_MS)))]);
        clearTimeout(timer);
        if (!ended()) process.kill(node.pid, 'SIGKILL');
        await exited;
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void node.stop();
      reject(new Error(`${name} did not start within ${READY_WITHIN_MS / 1000} s:\n${out}`));
    }, READY_WITHIN_MS);
    child.on('message', (m: { regula?: string }) => {
      if (m?.regula !== 'ready') return;
      clearTimeout(timer);
      resolve(node);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited while starting (${child.exitCode ?? child.signalCode}):\n${out}`));
    });
  });
}
