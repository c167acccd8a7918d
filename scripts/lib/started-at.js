'use strict';
// When `npm start` was typed, for the "ready in" of the banner.
//
// npm runs the `prestart` script (scripts/ensure-deps.js: npm install when the
// dependencies are missing or stale) in a process of its own before start.js, so
// start.js's own start would leave the install out. Under npm, start.js is the
// direct child of the npm process (the start script execs it), which started the
// moment the command was typed: its start time is taken from /proc (Linux, to the
// hundredth of a second) or from `ps` (elsewhere, to the second). Run any other way
// (node scripts/start.js), it is this process's own start.
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

// Longest believable install + build before start.js: an older instant is not `npm start`'s.
const MAX_BEFORE_MS = 60 * 60 * 1000;

/** Start of process `pid` in ms since the epoch, from /proc (clock ticks of 1/100 s since boot). */
function fromProc(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Field 22, counted after the command name, which may hold spaces and parentheses.
  const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  const uptime = Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return Date.now() - (uptime - startTicks / 100) * 1000;
}

/** Start of process `pid` from `ps -o etime=` ([[dd-]hh:]mm:ss elapsed), to the second. */
function fromPs(pid) {
  const r = spawnSync('ps', ['-o', 'etime=', '-p', String(pid)], { encoding: 'utf8' });
  const m = /^\s*(?:(?:(\d+)-)?(\d+):)?(\d+):(\d+)\s*$/.exec(r.stdout || '');
  if (!m) return NaN;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x || 0));
  return Date.now() - (((d * 24 + h) * 60 + min) * 60 + s) * 1000;
}

/**
 * When `npm start` was typed ({ at, npm: true }), or, run otherwise or when its
 * start cannot be read, when this process started ({ at, npm: false }); at: ms since the epoch.
 */
function startedAt() {
  const own = performance.timeOrigin;
  if (process.env.npm_lifecycle_event !== 'start') return { at: own, npm: false };
  for (const read of [fromProc, fromPs]) {
    try {
      const t = read(process.ppid);
      // ps rounds to the second: up to a second "after" our own start is still npm's.
      if (Number.isFinite(t) && t <= own + 1000 && own - t < MAX_BEFORE_MS) return { at: Math.min(t, own), npm: true };
    } catch {
      // not Linux, or no ps: the next way, else our own start
    }
  }
  return { at: own, npm: false };
}

module.exports = { startedAt };
