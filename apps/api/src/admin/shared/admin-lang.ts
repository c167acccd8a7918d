import { LANGS, Lang } from '@regula/engine';
import { ALL_LANGS, chooseLang, offeredLangs } from '../../web/public-tenant';
import { LANG_COOKIE, readCookie } from '../session/admin-cookies';
import type { AdminHttpRequest } from './admin-request';

/** Pages without a tenant (sign-in, tenant list) offer every language Regula has. */
export { ALL_LANGS };

/** English first, then the tenant's languages. */
export function adminLangs(def: Parameters<typeof offeredLangs>[0]): Lang[] {
  return ['en', ...offeredLangs(def).filter((l) => l !== 'en')];
}

/** `?lang=` (the switch), else the language cookie, else Accept-Language, else English. */
export function adminLang(req: AdminHttpRequest, langs: Lang[]): Lang {
  const q = req.query?.lang;
  const wanted = typeof q === 'string' && (langs as string[]).includes(q) ? q : readCookie(req, LANG_COOKIE) ?? undefined;
  return chooseLang(langs, wanted, req.headers['accept-language']);
}

/** The `?lang=` the request asked for, when valid (the page then remembers it in a cookie). */
export function switchedLang(req: AdminHttpRequest): Lang | null {
  const q = req.query?.lang;
  return typeof q === 'string' && (LANGS as readonly string[]).includes(q) ? (q as Lang) : null;
}
