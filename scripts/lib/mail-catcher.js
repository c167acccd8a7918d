'use strict';
// A local mail catcher for `npm start` when SMTP_URL is not set.
//
// Verification codes and status-link tokens exist only in an e-mail the worker
// actually sends over SMTP (minted then, only their hash stored), so without an
// SMTP server a demo data subject could never confirm a request. This is that
// server: an SMTP listener (the `smtp-server` package) on a free loopback port,
// in the runner's own process, that accepts any recipient without auth and keeps
// each message as an .eml file in <dir> (written to a temporary name, then renamed,
// so a reader never sees half a message). Nothing is relayed anywhere.
//
// SMTP_URL set (or `url` given): used as is, nothing is started.
const fs = require('node:fs');
const path = require('node:path');
const { freePort, HOST } = require('./ports');

// Regula's e-mails carry no attachments; a bound keeps a runaway client from filling the disk.
const MAX_BYTES = 10 * 1024 * 1024;

/** "2026-12-06T08-30-00-123Z": sorts by time and is a valid file name everywhere. */
const stamp = (d) => d.toISOString().replace(/[:.]/g, '-');

/**
 * A one-line summary of a message for the console: recipient, subject (where Regula
 * puts a verification code) and the first link of the text (the verify or status page
 * to open), or, without a link, its first line (the tenant's name in Regula's layout).
 */
async function summary(raw) {
  // mailparser decodes RFC 2047 subjects and quoted-printable / base64 bodies.
  const { simpleParser } = require('mailparser');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const to = mail.to ? [].concat(mail.to).map((a) => a.text).join(', ') : '(no To)';
  const text = mail.text || '';
  const link = (/https?:\/\/[^\s<>"]+/.exec(text) || [])[0];
  const first = link || text.split('\n').map((l) => l.trim()).find(Boolean) || '';
  return `to ${to}: "${mail.subject || ''}"${first ? ` | ${first.slice(0, 300)}` : ''}`;
}

/**
 * Starts (or skips) the catcher.
 * @param {object} o
 * @param {string} o.dir        folder the .eml files go to (created)
 * @param {number} [o.port]     preferred port (any free one when taken or absent)
 * @param {string|null} [o.url] external SMTP server; defaults to process.env.SMTP_URL
 * @param {number} [o.maxBytes] largest message accepted (default 10 MB)
 * @param {(line: string) => void} [o.print]
 * @returns {Promise<{name: string, url: string, stop: () => Promise<void>, external: boolean, port?: number, dir?: string}>}
 */
async function startMailCatcher({ dir, port, url = process.env.SMTP_URL, maxBytes = MAX_BYTES, print = (l) => process.stderr.write(l + '\n') }) {
  if (url) return { name: 'mail', url, stop: async () => {}, external: true };
  if (!dir) throw new Error('startMailCatcher: dir is required');
  const { SMTPServer } = require('smtp-server');
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let count = 0;

  const keep = (raw) => {
    const name = `${stamp(new Date())}-${String(++count).padStart(4, '0')}.eml`;
    const file = path.join(dir, name);
    const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, raw, { mode: 0o600 });
    fs.renameSync(tmp, file);
    return file;
  };

  const server = new SMTPServer({
    // Loopback only, so no TLS and no login: nodemailer then sends in plain text without asking.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: maxBytes,
    banner: 'Regula mail catcher (nothing is relayed)',
    logger: false,
    // Ctrl-C should not wait for an idle client to hang up.
    closeTimeout: 2000,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          const err = new Error(`message exceeds the fixed maximum size of ${maxBytes} bytes`);
          err.responseCode = 552;
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        let file;
        try {
          file = keep(raw);
        } catch (e) {
          const err = new Error(`could not store the message: ${e.message}`);
          err.responseCode = 451; // transient: the worker retries
          return callback(err);
        }
        callback();
        summary(raw).then(
          (line) => print(`[mail] caught ${line} (${path.basename(file)})`),
          () => print(`[mail] caught ${path.basename(file)}`),
        );
      });
    },
  });
  server.on('error', (e) => print(`[mail] ${e && e.message ? e.message : e}`));

  // Another process can take the port between "found free" and listen: retry on EADDRINUSE.
  let chosen = await freePort(port);
  for (let attempt = 1; ; attempt++) {
    try {
      await new Promise((resolve, reject) => {
        const onError = (e) => reject(e);
        server.server.once('error', onError);
        server.listen(chosen, HOST, () => {
          server.server.off('error', onError);
          resolve();
        });
      });
      break;
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || attempt >= 4) throw new Error(`the mail catcher could not listen on ${HOST}:${chosen}: ${e.message}`);
      chosen = await freePort(undefined, { avoid: [chosen] });
    }
  }
  let stopped = null;
  const stop = () => (stopped ??= new Promise((resolve) => server.close(() => resolve())));
  print(`[mail] mail catcher on ${HOST}:${chosen}, e-mails kept in ${dir}`);
  return { name: 'mail', url: `smtp://${HOST}:${chosen}`, port: chosen, dir, stop, external: false };
}

module.exports = { startMailCatcher };
