'use strict';
// A small supervisor for the dev/test runners: spawns children with prefixed
// output, keeps every pid it started, stops them in reverse order (by pid, never
// by name), and turns Ctrl-C, SIGTERM, SIGHUP and uncaught errors into an
// orderly stop of everything that was started.
//
// Children are spawned in their own process group (detached), so a Ctrl-C in the
// terminal reaches only this supervisor, which then stops them in order. A child
// is stopped by signalling its group (-pid): that also reaches what it spawned
// itself (npm -> sh -> tsc, jest -> its workers).
const { spawn } = require('node:child_process');

const COLORS = [36, 35, 33, 32, 34, 96, 95, 93];
const useColor = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** true when `promise` settles within `ms`, else false (the timer does not outlive it). */
function within(promise, ms) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).then(
      () => true,
      () => true,
    ),
    new Promise((r) => (timer = setTimeout(() => r(false), ms))),
  ]).finally(() => clearTimeout(timer));
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function signal(pid, sig, group) {
  try {
    process.kill(group ? -pid : pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Splits a stream into lines and writes each with a prefix. */
function pipeLines(stream, out, prefix) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      out.write(prefix + buf.slice(0, i + 1));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) out.write(prefix + buf + '\n');
    buf = '';
  });
}

class Supervisor {
  /**
   * @param {object} o
   * @param {string} o.name        prefix of the supervisor's own messages
   * @param {(signal: string) => number} [o.signalExitCode] exit code after a stop caused by a signal
   */
  constructor({ name = 'regula', signalExitCode = (sig) => 128 + (sig === 'SIGINT' ? 2 : sig === 'SIGHUP' ? 1 : 15) } = {}) {
    this.name = name;
    this.signalExitCode = signalExitCode;
    this.resources = []; // in start order
    this.pending = new Set(); // starts in progress (see track)
    this.stopping = null; // promise once a stop began
    this.firstSignalAt = 0;
    this.colorIndex = 0;
    this.exiting = false;
  }

  log(msg) {
    process.stderr.write(`[${this.name}] ${msg}\n`);
  }

  /**
   * Registers something to stop later (a server started by a library).
   * r: { name, pid?, stop: () => Promise, exited?: Promise, critical?: boolean }
   */
  add(r) {
    this.resources.push(r);
    if (r.critical && r.exited) this.watch(r);
    return r;
  }

  /**
   * A start in progress (resolving to a resource or to nothing): a stop waits for it
   * to settle, so what it starts is stopped too instead of being left behind.
   */
  track(promise) {
    const p = Promise.resolve(promise);
    const settled = p.then(
      () => {},
      () => {},
    );
    this.pending.add(settled);
    settled.then(() => this.pending.delete(settled));
    return p;
  }

  remove(r) {
    this.resources = this.resources.filter((x) => x !== r);
  }

  /**
   * Spawns a child in its own process group.
   * output: 'prefix' (default: each line prefixed with the name), 'raw' (piped through
   * unchanged), 'inherit' (the child writes to our terminal directly), 'quiet' (dropped),
   * 'capture' (stdout kept in r.captured for the caller to print, stderr prefixed).
   * ipc: opens an IPC channel (r.child 'message' events: the API's and the worker's "ready").
   * critical: if it exits while we are not stopping, stop everything and exit 1.
   */
  spawn(name, command, args, { env = process.env, cwd, output = 'prefix', ipc = false, critical = false, stopSignal = 'SIGTERM', stopTimeoutMs = 10000 } = {}) {
    if (this.stopping) throw new Error(`not starting ${name}: stopping`);
    const piped = output !== 'inherit';
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit', ...(ipc ? ['ipc'] : [])],
    });
    let captured = '';
    // Resolves once the child's output was read to its end ('exit' can come first).
    const drained = piped
      ? Promise.all([child.stdout, child.stderr].map((st) => new Promise((resolve) => (st.readableEnded ? resolve() : st.once('close', resolve)))))
      : Promise.resolve();
    if (piped) {
      if (output === 'quiet') {
        child.stdout.resume();
        child.stderr.resume();
      } else {
        let prefix = '';
        if (output === 'prefix' || output === 'capture') {
          const label = name.padEnd(7) + ' | ';
          prefix = useColor() ? `\x1b[${COLORS[this.colorIndex++ % COLORS.length]}m${label}\x1b[0m` : label;
        }
        if (output === 'capture') {
          child.stdout.setEncoding('utf8');
          child.stdout.on('data', (chunk) => (captured += chunk));
        } else pipeLines(child.stdout, process.stdout, prefix);
        pipeLines(child.stderr, process.stderr, prefix);
      }
    }
    let exitInfo = null;
    const exited = new Promise((resolve) => {
      child.once('error', (err) => {
        exitInfo = exitInfo || { code: 127, signal: null, error: err };
        resolve(exitInfo);
      });
      child.once('exit', (code, sig) => {
        exitInfo = exitInfo || { code, signal: sig };
        resolve(exitInfo);
      });
    });
    const r = {
      name,
      pid: child.pid,
      child,
      exited,
      critical,
      hasExited: () => exitInfo !== null,
      drained,
      captured: () => captured,
      stop: () => this.stopChild(r, stopSignal, stopTimeoutMs),
    };
    this.add(r);
    return r;
  }

  /** Spawns a one-shot child and resolves with its exit { code, signal, stdout } once it ended (stdout: with output 'capture'). */
  async run(name, command, args, opts = {}) {
    const r = this.spawn(name, command, args, { ...opts, critical: false });
    const exit = await r.exited;
    // Anything it left in its process group goes too.
    if (signal(r.pid, 0, true)) await this.stopChild(r, 'SIGTERM', 3000);
    this.remove(r);
    await within(r.drained, 2000);
    const res = { ...exit, stdout: r.captured() };
    if (res.error) this.log(`${name}: could not start ${command}: ${res.error.message}`);
    return res;
  }

  /** SIGTERM (or stopSignal) to the child's group, wait, SIGKILL after the timeout. */
  async stopChild(r, sig = 'SIGTERM', timeoutMs = 10000) {
    if (!r.pid) return;
    if (!r.hasExited()) {
      signal(r.pid, sig, true);
      if (!(await within(r.exited, timeoutMs))) {
        this.log(`${r.name} (pid ${r.pid}) did not stop within ${timeoutMs / 1000}s: SIGKILL`);
        signal(r.pid, 'SIGKILL', true);
        await within(r.exited, 2000);
      }
    }
    // The leader is gone; give the rest of its group a moment, then SIGKILL it.
    for (let i = 0; i < 20 && signal(r.pid, 0, true); i++) await sleep(100);
    signal(r.pid, 'SIGKILL', true);
  }

  /** A long-running resource: its exit while we are not stopping is fatal. */
  watch(r) {
    r.exited.then((info) => {
      if (this.stopping) return;
      // A Ctrl-C also reaches a child that shares our process group (the servers
      // run in their own): give our own signal handler the chance to run first.
      setTimeout(() => {
        if (this.stopping) return;
        const how = info && info.signal ? `signal ${info.signal}` : `code ${info ? info.code : '?'}`;
        this.log(`${r.name}${r.pid ? ` (pid ${r.pid})` : ''} exited unexpectedly (${how}): stopping everything`);
        this.shutdown(1);
      }, 300);
    });
  }

  /** Stops every resource in reverse start order. Idempotent. */
  stopAll() {
    if (!this.stopping) {
      this.stopping = (async () => {
        while (this.pending.size) await Promise.all([...this.pending]);
        for (const r of [...this.resources].reverse()) {
          try {
            await r.stop();
          } catch (e) {
            this.log(`stopping ${r.name} failed: ${e && e.message ? e.message : e}`);
          }
          this.remove(r);
        }
      })();
    }
    return this.stopping;
  }

  /** Stops everything, then exits with `code`. */
  async shutdown(code) {
    if (this.exiting) return this.stopping;
    this.exiting = true;
    await this.stopAll();
    process.exit(code);
  }

  /** Last resort: SIGKILL every group we started that is still there. */
  killAll() {
    for (const r of this.resources) {
      if (r.pid) signal(r.pid, 'SIGKILL', Boolean(r.child));
    }
  }

  /**
   * SIGINT / SIGTERM / SIGHUP: stop everything in order, then exit with
   * signalExitCode(signal). A second signal (at least 1 s later: npm forwards the
   * terminal's Ctrl-C, so one keypress can arrive twice) kills what is left.
   * Uncaught errors: stop everything, exit 1. On exit: SIGTERM to leftovers.
   */
  installHandlers() {
    const onSignal = (sig) => {
      const now = Date.now();
      if (!this.firstSignalAt) {
        this.firstSignalAt = now;
        process.stderr.write('\n');
        this.log(`${sig}: stopping everything...`);
        this.exiting = true;
        this.stopAll().then(() => process.exit(this.signalExitCode(sig)));
      } else if (now - this.firstSignalAt > 1000) {
        this.log(`${sig} again: killing what is left`);
        this.killAll();
        process.exit(this.signalExitCode(sig));
      }
    };
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
    const onError = (err) => {
      this.log(`error: ${err && err.stack ? err.stack : err}`);
      if (this.exiting) {
        this.killAll();
        process.exit(1);
      }
      this.shutdown(1);
    };
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    process.on('exit', () => {
      for (const r of this.resources) {
        if (r.child && !r.hasExited()) signal(r.pid, 'SIGTERM', true);
        else if (!r.child && r.pid && isAlive(r.pid)) signal(r.pid, 'SIGTERM', false);
      }
    });
    return this;
  }
}

module.exports = { Supervisor, isAlive, sleep, within };
