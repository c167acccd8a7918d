import { ControllerDefinition, IdentityCheck, LANGS, Lang, RightCode } from '@regula/engine';
import { REQUEST_TYPES, RequestType } from '@regula/requests';

/** What the public pages know of a tenant: its row and its definition without registers. */
export interface PublicTenant {
  id: string;
  slug: string;
  def: Omit<ControllerDefinition, 'registers'>;
  /** The tenant's languages, then English: the languages its pages are offered in. */
  langs: Lang[];
  /** Short hash of the definition, used to version the brand stylesheet URL. */
  version: string;
  /** A platform admin suspended the controller: its pages send requests to it directly (no web form). */
  suspended: boolean;
}

export function offeredLangs(def: Pick<ControllerDefinition, 'jurisdiction'>): Lang[] {
  const own = (def.jurisdiction?.languages ?? []).filter((l): l is Lang => (LANGS as readonly string[]).includes(l));
  return [...new Set<Lang>([...own, 'en'])];
}

/** Every language Regula writes its pages in, English first: for pages without a tenant (the landing page, sign-in). */
export const ALL_LANGS: Lang[] = ['en', ...LANGS.filter((l) => l !== 'en')];

/**
 * The page language: the `lang` query parameter when the tenant offers it,
 * else the first offered language the browser's Accept-Language names, else
 * the tenant's first language.
 */
export function chooseLang(langs: Lang[], query: unknown, acceptLanguage: string | undefined): Lang {
  if (typeof query === 'string' && (langs as string[]).includes(query)) return query as Lang;
  if (acceptLanguage) {
    const wanted = acceptLanguage
      .split(',')
      .map((part, i) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, i };
      })
      .filter((w) => w.q > 0)
      .sort((a, b) => b.q - a.q || a.i - b.i);
    for (const w of wanted) if ((langs as string[]).includes(w.base)) return w.base as Lang;
  }
  return langs[0];
}

/** The request types the tenant offers: those whose right code is among its `rights`, in the order of its rights. */
export function offeredTypes(def: Pick<ControllerDefinition, 'rights'>): RequestType[] {
  const byRight = new Map<RightCode, RequestType>(Object.entries(REQUEST_TYPES).map(([type, code]) => [code as RightCode, type as RequestType]));
  return def.rights.map((r) => byRight.get(r.right)).filter((t): t is RequestType => !!t);
}

export function isRequestType(value: string): value is RequestType {
  return Object.prototype.hasOwnProperty.call(REQUEST_TYPES, value);
}

/** The identity check the tenant requires for this type's right (its policy's `perRight`, else `default`). */
export function identityCheckFor(def: Pick<ControllerDefinition, 'requests'>, type: RequestType): IdentityCheck {
  return def.requests.identity.perRight?.[REQUEST_TYPES[type]] ?? def.requests.identity.default;
}

/** Values the controller left blank are stored as "[to be completed ...]": never shown as facts. */
export function isPlaceholder(value: string | undefined): boolean {
  return !value || /^\[.*\]$/s.test(value.trim());
}
