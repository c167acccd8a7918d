'use strict';
// Free loopback TCP ports. There is a window between "found free" and "bound by
// the server": callers that start servers retry on EADDRINUSE.
const net = require('node:net');

const HOST = '127.0.0.1';

/** Resolves true when `port` can be bound on `host` right now. */
function isPortFree(port, host = HOST) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** A port the OS says is free on `host`. */
function randomFreePort(host = HOST) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `preferred` when it is free (and given), else any free port. `avoid`: ports not to return. */
async function freePort(preferred, { host = HOST, avoid = [] } = {}) {
  const p = Number(preferred);
  if (Number.isInteger(p) && p > 0 && p < 65536 && !avoid.includes(p) && (await isPortFree(p, host))) return p;
  for (let i = 0; i < 20; i++) {
    const port = await randomFreePort(host);
    if (!avoid.includes(port)) return port;
  }
  throw new Error('could not find a free TCP port on ' + host);
}

/** Resolves when something accepts TCP connections on host:port; rejects after timeoutMs. */
function waitForPort(port, { host = HOST, timeoutMs = 30000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = net.connect({ port, host });
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

module.exports = { HOST, isPortFree, freePort, waitForPort };
