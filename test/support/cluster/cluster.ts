import path from 'node:path';
import { freePort } from '../free-port';
import { NodeProcess, startNode } from './node-process';

export interface ApiNode extends NodeProcess {
  /** http://127.0.0.1:<port> */
  url: string;
}

export interface Cluster {
  apis: ApiNode[];
  workers: NodeProcess[];
  /** Stops every process still running (workers first, then the APIs), by pid. */
  stop(): Promise<void>;
}

/**
 * `apis` API processes and `workers` worker processes on one database and one
 * Redis (given in `env`, with the secrets), as docker-compose.yml runs them
 * (`--scale worker=3`): each API on a port of its own on 127.0.0.1. The
 * first API starts alone and fills the transpile cache with everything the
 * libs hold; the others then start together, reading it.
 */
export async function startCluster(o: { apis: number; workers: number; env: Record<string, string>; apiEnv?: Record<string, string> }): Promise<Cluster> {
  const apis: ApiNode[] = [];
  const workers: NodeProcess[] = [];
  const api = async (i: number) => {
    const port = await freePort();
    const node = await startNode('api', `api-${i + 1}`, { ...o.env, ...o.apiEnv, HOST: '127.0.0.1', PORT: String(port) });
    apis[i] = { ...node, url: `http://127.0.0.1:${port}` };
  };
  const worker = async (i: number) => {
    workers[i] = await startNode('worker', `worker-${i + 1}`, o.env);
  };
  const cluster: Cluster = {
    apis,
    workers,
    async stop() {
      for (const w of [...workers].reverse()) await w?.stop();
      for (const a of [...apis].reverse()) await a?.stop();
    },
  };
  // Settled, not raced: a process that failed to start leaves none of the others running.
  const phase = async (starts: Promise<void>[]) => {
    const failed = (await Promise.allSettled(starts)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await cluster.stop();
      throw failed.reason;
    }
  };
  await phase(o.apis > 0 ? [api(0)] : o.workers > 0 ? [worker(0)] : []);
  const first = o.apis > 0 ? 0 : 1;
  await phase([...Array.from({ length: Math.max(0, o.apis - 1) }, (_, i) => api(i + 1)), ...Array.from({ length: Math.max(0, o.workers - first) }, (_, i) => worker(i + first))]);
  return cluster;
}
