import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import net, { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { ConfigModule, QueueName, QueuesModule, WorkerConfig, loadWorkerConfig } from '@regula/platform';
import { clockJobId } from '@regula/breaches';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { auditTestEnv, testEnv } from './support/env';
import { TempFolders } from './support/temp-folders';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 60000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function redisServerBin(): string {
  for (const d of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin']) {
    try {
      const p = path.join(d, 'redis-server');
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  throw new Error('redis-server not found (npm test installs it)');
}

/** A private redis-server: append-only file on, fsync on every write, its own folder; stopped by pid. */
class PrivateRedis {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(path.join(tmpdir(), 'regula-redis-'));
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const child = spawn(
      redisServerBin(),
      ['--bind', '127.0.0.1', '--port', String(this.port), '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no', '--logfile', path.join(this.dir, 'redis.log')],
      { stdio: 'ignore' },
    );
    this.child = child;
    await until('redis to answer PING', () => this.ping(), 20000);
  }

  /** Stops the server by its pid with `signal` (SIGKILL: no chance to flush anything more). */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(child.pid!, signal);
    await exited;
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const sock = net.connect({ host: '127.0.0.1', port: this.port });
      const done = (ok: boolean) => {
        sock.destroy();
        resolve(ok);
      };
      sock.setTimeout(1000, () => done(false));
      sock.once('error', () => done(false));
      sock.once('connect', () => sock.write('PING\r\n'));
      sock.once('data', (d) => done(d.toString().startsWith('+PONG')));
    });
  }

  async remove(): Promise<void> {
    await this.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A TCP proxy in front of PostgreSQL that the test can cut and restore (the shared server keeps running). */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  up = true;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      if (!this.up) return client.destroy();
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Drops every open connection and refuses new ones. */
  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.up = true;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Only what a producer (the API) has: the configured queues, no processors. */
@Module({})
class ProducerHarness {
  static forRoot(config: WorkerConfig): DynamicModule {
    return { module: ProducerHarness, imports: [ConfigModule.forRoot(config), QueuesModule] };
  }
}

const checkpointFolders = new TempFolders('regula-resilience-');
afterAll(() => checkpointFolders.removeAll());
const workerConfig = (db: TestDatabase, redisUrl: string, appUrl = db.appUrl) =>
  loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: db.ownerUrl, DATABASE_APP_URL: appUrl, REDIS_URL: redisUrl, DATABASE_POOL_SIZE: '4', ...auditTestEnv(checkpointFolders.make('checkpoints')) });

async function jobsOf(queue: Queue, ids: string[]): Promise<Job[]> {
  return (await Promise.all(ids.map((id) => queue.getJob(id)))).filter((j): j is Job => !!j);
}

/**
 * The queues survive their infrastructure: jobs waiting in a Redis that is
 * killed and restarted (append-only file) are all run afterwards, and jobs
 * whose database is unreachable for a while retry with backoff and complete.
 */
describe('queue resilience', () => {
  let db: TestDatabase;
  let tenantIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    tenantIds = (await db.owner.query(`SELECT id FROM tenants ORDER BY slug`)).map((r: { id: string }) => r.id);
  });
  afterAll(async () => db?.drop());

  it.each(['SIGKILL', 'SIGTERM'] as const)('loses no job when Redis is stopped by %s and restarted with waiting and delayed jobs', async (signal) => {
    const redis = new PrivateRedis();
    let worker: INestApplicationContext | null = null;
    let producer: INestApplicationContext | null = null;
    try {
      await redis.start();
      const config = workerConfig(db, redis.url);
      producer = await NestFactory.createApplicationContext(ProducerHarness.forRoot(config), { logger: false });
      const audit = producer.get<Queue>(getQueueToken(QueueName.Audit));
      const ids: string[] = [];
      let breachJob = '';
      let breachId = '';
      for (const [i, tenantId] of tenantIds.entries()) {
        const waiting = `verify-chain:${tenantId}:waiting-${signal}-${i}`;
        const delayed = `verify-chain:${tenantId}:delayed-${signal}-${i}`;
        await audit.add('verify-chain', { tenantId }, { jobId: waiting });
        await audit.add('verify-chain', { tenantId }, { jobId: delayed, delay: 2000 });
        ids.push(waiting, delayed);
      }
      expect(await audit.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: tenantIds.length, delayed: tenantIds.length });
      // A breach whose 72 hours ended: its deadline-passed step waits in the breach queue.
      const aware = new Date(Date.now() - 73 * 3_600_000);
      const deadline = new Date(aware.getTime() + 72 * 3_600_000);
      [{ id: breachId }] = await db.owner.query(
        `INSERT INTO breaches (tenant_id, reference, title, aware_at, deadline_at, nature, dpo_contact, status, created_by)
         VALUES ($1, $2, 'restart', $3, $4, 'Test breach', 'x', 'open', 'test') RETURNING id`,
        [tenantIds[0], `BR-REDI-S${signal === 'SIGKILL' ? 'K' : 'T'}00`, aware, deadline],
      );
      breachJob = clockJobId(breachId, 'deadline-passed', deadline);
      await producer.get<Queue>(getQueueToken(QueueName.Breach)).add('breach-clock', { tenantId: tenantIds[0], breachId, kind: 'deadline-passed' }, { jobId: breachJob });
      await producer.close();
      producer = null;

      await redis.kill(signal);
      await redis.start(); // same folder and port: replays the append-only file
      const replayed = new Queue(QueueName.Audit, { connection: { url: redis.url } });
      expect(await replayed.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: tenantIds.length, delayed: tenantIds.length });
      await replayed.close();

      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
      await worker.init();
      const queue = worker.get<Queue>(getQueueToken(QueueName.Audit));
      const done = await until('every job to complete', async () => {
        const jobs = await jobsOf(queue, ids);
        const states = await Promise.all(jobs.map((j) => j.getState()));
        return jobs.length === ids.length && states.every((s) => s === 'completed') ? jobs : null;
      });
      for (const j of done) expect(j.returnvalue).toMatchObject({ ok: true });
      const breachQueue = worker.get<Queue>(getQueueToken(QueueName.Breach));
      await until('the breach clock job', async () => (await (await breachQueue.getJob(breachJob))?.getState()) === 'completed');
      expect((await db.owner.query(`SELECT deadline_passed_at FROM breaches WHERE id = $1`, [breachId]))[0].deadline_passed_at).not.toBeNull();
    } finally {
      await worker?.close().catch(() => undefined);
      await producer?.close().catch(() => undefined);
      await redis.remove();
    }
  }, 120000);

  it('retries with backoff while PostgreSQL is unreachable, and completes every job once it is back', async () => {
    const redis = new PrivateRedis();
    const pg = new URL(testEnv().ownerUrl);
    const proxy = new CuttableProxy({ host: pg.hostname, port: Number(pg.port) });
    let worker: INestApplicationContext | null = null;
    try {
      await redis.start();
      await proxy.start();
      const appUrl = new URL(db.appUrl);
      appUrl.host = `127.0.0.1:${proxy.port}`;
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(workerConfig(db, redis.url, appUrl.toString())), { logger: false });
      await worker.init();
      const queue = worker.get<Queue>(getQueueToken(QueueName.Audit));

      proxy.cut();
      // The default job options: 5 attempts, exponential backoff from 5 s.
      const ids = tenantIds.map((t) => `verify-chain:${t}:outage`);
      for (const [i, tenantId] of tenantIds.entries()) await queue.add('verify-chain', { tenantId }, { jobId: ids[i] });
      const failedOnce = await until('every job to fail once and wait for its retry', async () => {
        const jobs = await jobsOf(queue, ids);
        const states = await Promise.all(jobs.map((j) => j.getState()));
        return jobs.length === ids.length && jobs.every((j, i) => j.attemptsMade >= 1 && states[i] === 'delayed') ? jobs : null;
      }, 30000);
      for (const j of failedOnce) expect(j.failedReason).toBeTruthy();
      await sleep(2000); // down a while longer
      proxy.restore();

      const done = await until('every job to complete after the database is back', async () => {
        const jobs = await jobsOf(queue, ids);
        const states = await Promise.all(jobs.map((j) => j.getState()));
        return states.length === ids.length && states.every((s) => s === 'completed') ? jobs : null;
      }, 60000);
      for (const j of done) {
        expect(j.returnvalue).toMatchObject({ ok: true });
        expect(j.attemptsMade).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await worker?.close().catch(() => undefined);
      await proxy.stop();
      await redis.remove();
    }
  }, 150000);
});
