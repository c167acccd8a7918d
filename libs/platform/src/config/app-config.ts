import path from 'node:path';
import { ConfigError, int, loadConfig, oneOf, secret, str, url, ConfigOf } from './config.schema';

/** Variables of every process that talks to Postgres (the CLI needs only these). */
export const DB_SCHEMA = {
  NODE_ENV: oneOf('runtime mode', ['development', 'test', 'production'] as const, 'development'),
  DATABASE_URL: url('PostgreSQL URL of the schema owner (runs migrations and tenant sync)', ['postgres:', 'postgresql:']),
  DATABASE_APP_URL: str('PostgreSQL URL of the application role that row-level security applies to; default: DATABASE_URL with user regula_app and DATABASE_APP_PASSWORD', ''),
  DATABASE_APP_PASSWORD: str('password of the regula_app role (set by `regula db migrate`)', ''),
  DATABASE_POOL_SIZE: int('connections per process', 10, 1, 200),
  DATABASE_CONNECT_TIMEOUT_MS: int('how long a request waits for a pooled connection (and a public page for its turn) before it answers 503 with Retry-After, in milliseconds', 10000, 100, 60000),
};

/** E-mail and rights-request variables (API and worker: both render and send e-mails). */
export const REQUESTS_MAIL_SCHEMA = {
  SMTP_URL: url('SMTP server for outgoing e-mail; absent: e-mails stay in the outbox the admin reads', ['smtp:', 'smtps:'], ''),
  MAIL_FROM: str('sender address of outgoing e-mail', 'Regula <no-reply@regula.invalid>'),
  REGULA_DATA_DIR: str('data folder', '.data'),
  UPLOAD_DIR: str('folder for identity documents subjects upload (outside any public path); default: uploads/ in REGULA_DATA_DIR', ''),
  PUBLIC_BASE_URL: url('base URL of the public pages, for links in e-mails; default http://127.0.0.1:<PORT>', ['http:', 'https:'], ''),
  REQUESTS_MAX_PER_IP: int('rights-request form submissions, code checks and uploads per IP address per window', 30, 1, 100000),
  REQUESTS_MAX_PER_EMAIL: int('rights requests per e-mail address (and code checks per request) per window', 5, 1, 100000),
  REQUESTS_WINDOW_SECONDS: int('rate-limit window of the public request endpoints in seconds', 3600, 1, 86400),
  REQUESTS_IDENTITY_REMINDER_DAYS: {
    description: 'days after identity information was asked for (GDPR Art. 12(6)) when the requester is reminded, comma-separated; a tenant definition may set its own (requests.identityWait.reminderDays)',
    default: '7,14',
    parse: (raw: string): string => {
      const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
      if (parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) < 1 || Number(p) > 365)) throw new Error('must be whole numbers of days from 1 to 365, comma-separated (e.g. 7,14)');
      return parts.join(',');
    },
  },
  REQUESTS_IDENTITY_CLOSE_DAYS: int('days after identity information was asked for after which an unanswered request closes as "identity not confirmed" (the controller\'s choice, not a legal period); a tenant definition may set its own (requests.identityWait.closeAfterDays)', 30, 1, 365),
  REQUESTS_IDENTITY_LATE_DAYS: int('days after receipt after which asking the requester for identity information (GDPR Art. 12(6)) is flagged as late', 7, 1, 90),
};

/**
 * The audit chain's keys and where its signed heads are published: outside the
 * database, so that whoever owns the database can neither forge an entry nor
 * hide a truncation (libs/audit/README.md).
 */
export const AUDIT_SCHEMA = {
  AUDIT_HMAC_KEY: secret('key that signs (HMAC-SHA256) new audit entries and checkpoints; its id is derived from it', 32),
  AUDIT_HMAC_PREVIOUS_KEYS: {
    description: 'earlier audit keys, comma-separated, still accepted when verifying entries signed with them',
    default: '',
    parse: (raw: string): string => {
      const keys = raw.split(',').map((k) => k.trim());
      if (keys.some((k) => k.length < 32)) throw new Error('must be keys of at least 32 characters, comma-separated');
      return keys.join(',');
    },
  },
  REGULA_DATA_DIR: str('data folder', '.data'),
  AUDIT_CHECKPOINT_DIR: str('folder of the signed audit checkpoints (one append-only file per chain); default: audit-checkpoints/ in REGULA_DATA_DIR', ''),
};

/**
 * The command line's Redis (optional): when set, a change the command line makes to
 * what a tenant's public pages show starts a new page generation there, as one made
 * through the API does, so running API nodes serve the change at once.
 */
export const CLI_PAGES_SCHEMA = {
  REDIS_URL: url('Redis URL of the running API nodes (optional for the command line: their public page cache is refreshed after its changes)', ['redis:', 'rediss:'], ''),
};

/** Variables every long-running process (API, worker) needs. */
export const COMMON_SCHEMA = {
  ...DB_SCHEMA,
  ...AUDIT_SCHEMA,
  REDIS_URL: url('Redis URL', ['redis:', 'rediss:']),
  LOG_LEVEL: oneOf('least severe log level shown (`log`: also the framework\'s start-up lines and routine summaries)', ['error', 'warn', 'log', 'debug', 'verbose'] as const, 'warn'),
  ...REQUESTS_MAIL_SCHEMA,
  SLA_REMINDER_DAYS: {
    description: 'days before a rights request is due when its compliance admins are reminded, comma-separated (0: on the due date)',
    default: '14,7,2,0',
    parse: (raw: string): string => {
      const parts = raw.split(',').map((p) => p.trim());
      if (!parts.length || parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) > 90)) throw new Error('must be whole numbers of days from 0 to 90, comma-separated (e.g. 14,7,2,0)');
      return parts.join(',');
    },
  },
  REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: oneOf(
    'tests only, refused when NODE_ENV=production: 1 lets webhooks go to loopback addresses (a receiver the test runs on 127.0.0.1); every other private or special address stays refused',
    ['0', '1'] as const,
    '0',
  ),
};

/** The SMTP receiver of the e-mail intake (run by the API: apps/api/src/intake). */
export const INTAKE_SCHEMA = {
  INTAKE_SMTP_PORT: int('port of the SMTP receiver of the e-mail intake; 0: not started', 0, 0, 65535),
  INTAKE_SMTP_HOST: str('address the SMTP receiver binds', '127.0.0.1'),
  INTAKE_DOMAIN: str('domain of the intake addresses (<tenant slug>@<domain>); mail to any other domain is refused', 'intake.regula.localhost'),
  INTAKE_MAX_BYTES: int('largest message the intake accepts, in bytes (larger: 552)', 10 * 1024 * 1024, 1024, 50 * 1024 * 1024),
};

/** The public pages (apps/api/src/public): their rate limits (fixed windows in Redis, shared by every API node) and their cache. */
export const PUBLIC_PAGES_SCHEMA = {
  PUBLIC_CONCURRENCY: int('public page requests served at once per API process, the others taking their turn in order (503 with Retry-After after DATABASE_CONNECT_TIMEOUT_MS); 0: four times DATABASE_POOL_SIZE', 0, 0, 100000),
  PUBLIC_PAGES_MAX_PER_IP: int('public page views (GET) per IP address per window; cached pages count too', 300, 1, 10000000),
  PUBLIC_PAGES_WINDOW_SECONDS: int('window of the public page-view limit in seconds', 300, 1, 86400),
  PUBLIC_POSTS_MAX_PER_IP: int('public form posts (requests, codes, uploads, withdrawals) per IP address per window', 40, 1, 10000000),
  PUBLIC_POSTS_WINDOW_SECONDS: int('window of the per-IP public post limit in seconds', 600, 1, 86400),
  PUBLIC_POSTS_MAX_PER_EMAIL: int('public form posts per e-mail address the form carries, per window', 5, 1, 100000),
  PUBLIC_POSTS_EMAIL_WINDOW_SECONDS: int('window of the per-e-mail public post limit in seconds', 3600, 1, 86400),
  PUBLIC_CODES_MAX_PER_REFERENCE: int('e-mail code entries per request reference per window', 10, 1, 100000),
  PUBLIC_CODES_WINDOW_SECONDS: int('window of the per-reference code limit in seconds', 3600, 1, 86400),
  PUBLIC_PAGE_MAX_AGE_SECONDS: int('longest time browsers and proxies may keep a public page without asking again (Cache-Control max-age; never past the tenant\'s next local midnight)', 300, 0, 86400),
  PUBLIC_PAGE_CACHE_ENTRIES: int('rendered public pages each API node keeps in memory (least recently used dropped first)', 2000, 0, 1000000),
};

export const API_SCHEMA = {
  ...COMMON_SCHEMA,
  PORT: int('HTTP port of the API', 3000, 1, 65535),
  HOST: str('address the API binds', '127.0.0.1'),
  JWT_SECRET: secret('secret that signs access tokens', 32),
  JWT_TTL_SECONDS: int('lifetime of an access token in seconds', 3600, 60, 86400),
  SECRETS_KEY: str('key (at least 32 characters) that encrypts the secrets Regula must read back (tenants\' OpenID Connect client secrets); default: derived from JWT_SECRET (changing it makes those secrets unreadable: enter them again)', ''),
  REGULA_TEST_ALLOW_LOOPBACK_IDP: oneOf(
    'tests only, refused when NODE_ENV=production: 1 lets single sign-on reach an identity provider on a loopback address (a test provider on 127.0.0.1); every other private or special address stays refused',
    ['0', '1'] as const,
    '0',
  ),
  LOGIN_MAX_PER_IP: int('sign-in attempts per IP address per window', 20, 1, 100000),
  LOGIN_MAX_PER_EMAIL: int('failed sign-ins per e-mail address before each further attempt waits (a growing backoff, not a lock)', 5, 1, 100000),
  LOGIN_BACKOFF_SECONDS: int('first wait after LOGIN_MAX_PER_EMAIL failed sign-ins, in seconds; doubles with each further failure', 30, 1, 3600),
  LOGIN_BACKOFF_MAX_SECONDS: int('longest wait between sign-in attempts of one account, in seconds', 900, 1, 86400),
  LOGIN_WINDOW_SECONDS: int('window of the per-IP sign-in limit in seconds', 900, 1, 86400),
  TRUST_PROXY: oneOf('trust X-Forwarded-For from a load balancer', ['true', 'false'] as const, 'false'),
  EXPORT_PDF_WORKERS: int('worker threads that render export PDFs (record, register descriptions), started on the first PDF', 2, 1, 16),
  ...INTAKE_SCHEMA,
  ...PUBLIC_PAGES_SCHEMA,
};

export const WORKER_SCHEMA = { ...COMMON_SCHEMA };

export type DbConfig = ConfigOf<typeof DB_SCHEMA>;
export type AuditConfig = ConfigOf<typeof AUDIT_SCHEMA>;
export type CommonConfig = ConfigOf<typeof COMMON_SCHEMA>;
export type ApiConfig = ConfigOf<typeof API_SCHEMA>;
export type WorkerConfig = ConfigOf<typeof WORKER_SCHEMA>;

/** Where uploaded identity documents are kept (never under a public path). */
export function uploadDir(cfg: CommonConfig): string {
  return cfg.UPLOAD_DIR || path.join(cfg.REGULA_DATA_DIR, 'uploads');
}

/** Where the signed audit checkpoints are written (outside the database). */
export function auditCheckpointDir(cfg: AuditConfig): string {
  return cfg.AUDIT_CHECKPOINT_DIR || path.join(cfg.REGULA_DATA_DIR, 'audit-checkpoints');
}

/** Base URL of the public pages for links in e-mails, without a trailing slash. */
export function publicBaseUrl(cfg: CommonConfig & { PORT?: number }): string {
  return (cfg.PUBLIC_BASE_URL || `http://127.0.0.1:${cfg.PORT ?? 3000}`).replace(/\/+$/, '');
}

/** The key material of the secret box (libs/platform/src/secrets): SECRETS_KEY, or JWT_SECRET when it is not set. */
export function secretsKeyOf(cfg: ApiConfig): string {
  return cfg.SECRETS_KEY || cfg.JWT_SECRET;
}

/** The application role's connection URL (RLS applies to it). */
export function appDatabaseUrl(cfg: DbConfig): string {
  if (cfg.DATABASE_APP_URL) return cfg.DATABASE_APP_URL;
  if (!cfg.DATABASE_APP_PASSWORD) {
    throw new Error('DATABASE_APP_URL or DATABASE_APP_PASSWORD is required (the app connects as the regula_app role)');
  }
  const u = new URL(cfg.DATABASE_URL);
  u.username = 'regula_app';
  u.password = encodeURIComponent(cfg.DATABASE_APP_PASSWORD);
  return u.toString();
}

/**
 * Settings that open a hole for tests stop a production boot: a forgotten
 * variable must not let webhooks reach the servers' own loopback services.
 */
function refuseTestSettingsInProduction<C extends CommonConfig>(cfg: C): C {
  if (cfg.NODE_ENV === 'production' && cfg.REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS !== '0') {
    throw new ConfigError('invalid configuration:\n  - REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS must not be 1 when NODE_ENV=production (it lets webhooks reach loopback addresses; tests only)');
  }
  if (cfg.NODE_ENV === 'production' && (cfg as { REGULA_TEST_ALLOW_LOOPBACK_IDP?: string }).REGULA_TEST_ALLOW_LOOPBACK_IDP === '1') {
    throw new ConfigError('invalid configuration:\n  - REGULA_TEST_ALLOW_LOOPBACK_IDP must not be 1 when NODE_ENV=production (it lets single sign-on reach loopback addresses; tests only)');
  }
  return cfg;
}

export const loadApiConfig = (env = process.env): ApiConfig => refuseTestSettingsInProduction(loadConfig(API_SCHEMA, env));
export const loadWorkerConfig = (env = process.env): WorkerConfig => refuseTestSettingsInProduction(loadConfig(WORKER_SCHEMA, env));
export const loadDbConfig = (env = process.env): DbConfig => loadConfig(DB_SCHEMA, env);
export const loadAuditConfig = (env = process.env): AuditConfig => loadConfig(AUDIT_SCHEMA, env);
export const loadCliPagesConfig = (env = process.env): ConfigOf<typeof CLI_PAGES_SCHEMA> => loadConfig(CLI_PAGES_SCHEMA, env);

/** Injection token of the loaded config object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
