import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The stylesheet of the public pages and the dashboard (web/assets/regula.css), served by the app itself (no CDN, no third party). */
export const STYLESHEET_FILE = path.join(__dirname, 'assets', 'regula.css');
export const STYLESHEET = readFileSync(STYLESHEET_FILE, 'utf8');
/** Content hash in the URL: the file can be cached for a year and still change with a deploy. */
export const STYLESHEET_VERSION = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);
export const STYLESHEET_URL = `/assets/regula.css?v=${STYLESHEET_VERSION}`;

/** Stricter than the app-wide policy: no scripts at all, styles only from files of this origin. */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
