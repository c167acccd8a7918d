'use strict';
// Local secrets: generated once, kept in <data dir>/secrets.json (mode 0600) so
// tokens and the application role's password survive restarts. Environment
// variables of the same name win over the file.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

// AUDIT_HMAC_KEY signs the audit chain: kept here, never in the database it protects.
const NAMES = ['JWT_SECRET', 'DATABASE_APP_PASSWORD', 'AUDIT_HMAC_KEY'];

/** 64 hex characters: long enough for JWT_SECRET, safe inside a URL as a password. */
const randomSecret = () => crypto.randomBytes(32).toString('hex');

/** Writes `text` to `file` with mode 0600, atomically (temp file + rename). */
function writePrivateFile(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** Random values for every secret (for throw-away runs). */
function randomSecrets() {
  return Object.fromEntries(NAMES.map((n) => [n, randomSecret()]));
}

/**
 * Reads `file`, generates what is missing, writes it back (0600) when it changed.
 * Returns { JWT_SECRET, DATABASE_APP_PASSWORD, AUDIT_HMAC_KEY } with environment overrides applied.
 */
function loadSecrets(file, env = process.env) {
  let stored = {};
  if (fs.existsSync(file)) {
    try {
      stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file} is not valid JSON (${e.message}); fix or delete it`);
    }
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  }
  let changed = false;
  for (const n of NAMES) {
    if (typeof stored[n] !== 'string' || stored[n].length < 32) {
      stored[n] = randomSecret();
      changed = true;
    }
  }
  if (changed) writePrivateFile(file, JSON.stringify(stored, null, 2) + '\n');
  const out = {};
  for (const n of NAMES) out[n] = env[n] ? env[n] : stored[n];
  return out;
}

module.exports = { NAMES, loadSecrets, randomSecret, randomSecrets, writePrivateFile };
