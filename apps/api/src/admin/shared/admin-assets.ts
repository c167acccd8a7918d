import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The dashboard's own stylesheet (on top of the public pages' regula.css), versioned by content hash. */
export const ADMIN_STYLESHEET = readFileSync(path.join(__dirname, '..', 'assets', 'admin.css'), 'utf8');
export const ADMIN_STYLESHEET_URL = `/admin/assets/admin.css?v=${createHash('sha256').update(ADMIN_STYLESHEET).digest('hex').slice(0, 12)}`;
