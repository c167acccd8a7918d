'use strict';
// The one banner `npm start` ends with: everything a first visitor needs (where
// to click, where e-mail goes in and out, how to sign in), printed after the API
// and the worker said they are ready, so that no start-up line pushes it away.
const path = require('node:path');

const RULE = '  ' + '─'.repeat(76);
const pad = (s) => s.padEnd(15);
const row = (label, text) => `  ${pad(label)}${text}`;

/**
 * @param {object} o
 * @param {string} o.base               http://host:port of the API
 * @param {string} o.readyIn            e.g. "61.3s since `npm start`"
 * @param {{slug: string, published: boolean}[]} o.tenants
 * @param {{host: string, port: number, domain: string}} o.intake
 * @param {{external: boolean, dir?: string, port?: number}} o.mail
 * @param {string} o.demoLogins         the output of `regula demo seed` (its heading and one line per login)
 * @param {{dataDir: string, pg: object, redis: object, host: string}} o.store
 * @param {string|undefined} o.logLevel LOG_LEVEL as set, if it is
 * @returns {string[]} the lines
 */
function bannerLines({ base, readyIn, tenants, intake, mail, demoLogins, store, logLevel }) {
  const { dataDir, pg, redis, host } = store;
  const policy = ({ slug, published }) =>
    published ? `privacy policy: ${base}/t/${slug}/privacy` : `no privacy policy published yet (what blocks it: ${base}/admin/t/${slug}/policies)`;
  const logins = demoLogins
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `  ${l.startsWith(' ') ? l : l.trim()}`);
  return [
    '',
    RULE,
    `  Regula is running (ready in ${readyIn})`,
    '',
    row('Landing page', `${base}/`),
    row('Dashboard', `${base}/admin (compliance admins, auditors, platform admins)`),
    row('API docs', `${base}/api/docs (OpenAPI; a token from POST /api/v1/auth/login, sent as "Authorization: Bearer <token>")`),
    row('API', `${base}/api/v1`),
    row('Health', `${base}/health`),
    row('Queues', `${base}/admin/queues (platform admins)`),
    ...tenants.map((t, i) => row(i === 0 ? 'Public pages' : '', `${base}/t/${t.slug}/   ${policy(t)}`)),
    '',
    row('E-mail intake', `smtp://${intake.host}:${intake.port}, one address per tenant: ${tenants.map((t) => `${t.slug}@${intake.domain}`).join(', ')}`),
    row('', "a message sent there becomes a request (its type to confirm on the request's page)"),
    row(
      'Mail catcher',
      mail.external
        ? 'none: e-mails go to SMTP_URL'
        : `E-mails Regula sends are caught in ${mail.dir} (SMTP on ${host}:${mail.port}; nothing leaves the machine; one console line per e-mail)`,
    ),
    '',
    ...logins,
    '',
    row('Data folder', dataDir),
    row(
      'PostgreSQL',
      pg.external ? 'DATABASE_URL (external)' : `${host}:${pg.port}, database regula, user postgres (password in ${path.join(dataDir, 'postgres', 'superuser.password')})`,
    ),
    ...(pg.clusterDir && !pg.clusterDir.startsWith(dataDir + path.sep)
      ? [row('', `cluster in ${pg.clusterDir} (the "postgres" OS user cannot reach the data folder)`)]
      : []),
    row('Redis', redis.external ? 'REDIS_URL (external)' : `${host}:${redis.port}`),
    row('Log level', logLevel ? logLevel : "warn: warnings and errors (LOG_LEVEL=log npm start shows the framework's start-up lines too)"),
    '',
    `  Stop: Ctrl-C (stops the API, the worker, ${mail.external ? '' : 'the mail catcher, '}Redis and PostgreSQL)`,
    RULE,
    '',
  ];
}

module.exports = { bannerLines };
