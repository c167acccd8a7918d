'use strict';
// Progress of a long step of the runners (npm install, the build, the database
// steps, starting the API and the worker): a line when it starts, a line every
// `everyMs` while it lasts, so that a step that prints nothing for a minute does not
// look hung, and its time when it ends. Plain Node: ensure-deps uses it before any
// dependency is installed.

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/**
 * Starts a step: `log("<what>...")` now, `log("still <what>... 15s")` every `everyMs`.
 * done() logs "<what>: done in 12.3s" (or the line `doneLine(ms)` gives);
 * stop() only ends the ticking (a failure is reported by the caller).
 * @param {(line: string) => void} log
 * @param {string} what       e.g. "installing dependencies (npm install)"
 * @param {{everyMs?: number}} [o]
 */
function step(log, what, { everyMs = 15000 } = {}) {
  const t0 = Date.now();
  log(`${what}...`);
  const timer = setInterval(() => log(`still ${what}... ${Math.round((Date.now() - t0) / 1000)}s`), everyMs);
  timer.unref();
  const stop = () => clearInterval(timer);
  return {
    stop,
    done(doneLine = (ms) => `${what}: done in ${secs(ms)}`) {
      stop();
      log(doneLine(Date.now() - t0));
    },
  };
}

module.exports = { step, secs };
