import path from 'node:path';
import { Lang } from '@regula/engine';
import { TENANTS } from '@regula/tenants';
import { PublicI18n } from '../web/i18n';
import { offeredLangs, offeredTypes } from '../web/public-tenant';
import { identityWays, identityWaysView } from './identity-ways.view';

const bySlug = (slug: string) => TENANTS.find((d) => d.slug === slug)!;

/**
 * Words that state a way of proving identity, per language. A right's
 * `conditions` must not use them: the request page states the ways from the
 * tenant's identity rule (identity-ways.view.ts), so the conditions and the
 * form cannot disagree.
 */
const PROOF_WORDS: Record<string, RegExp> = {
  en: /\b(by post|upload\w*|signed|signature|in writing|e-mail code)\b/i,
  sv: /(per post|ladda upp|uppladdad|underteckn|skriftlig)/i,
  lv: /(rakstveidā|parakst|augšupielād|pa pastu)/i,
  lt: /(raštu|pasiraš|įkel|paštu)/i,
  et: /(kirjalikult|allkirj|üles laadi|posti teel)/i,
};

describe('identity ways', () => {
  it('offer the proportionate e-mail code beside every heavier form, and the letter where the controller takes post', () => {
    expect(identityWays(bySlug('micromedic'), 'access')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
    expect(identityWays(bySlug('micromedic'), 'erasure')).toEqual(['email-code']);
    expect(identityWays(bySlug('inomedis'), 'portability')).toEqual(['held-address-code', 'qes-upload', 'signed-upload', 'signed-letter']);
    for (const def of TENANTS) {
      for (const type of offeredTypes(def)) {
        const ways = identityWays(def, type);
        expect(ways[0] === 'email-code' ? ways : ways[0]).toEqual(ways[0] === 'email-code' ? ['email-code'] : 'held-address-code');
      }
    }
  });

  it("no right's conditions state how to prove identity: the page derives that from the identity rule", () => {
    for (const def of TENANTS) {
      for (const right of def.rights) {
        for (const [lang, text] of Object.entries(right.conditions ?? {})) {
          const words = PROOF_WORDS[lang];
          expect(words).toBeDefined();
          expect({ tenant: def.slug, right: right.right, lang, found: text?.match(words)?.[0] ?? null }).toEqual({ tenant: def.slug, right: right.right, lang, found: null });
        }
      }
    }
  });

  it('the conditions line and the list name the same ways, in every tenant language, with every placeholder filled', () => {
    const i18n = new PublicI18n(path.join(__dirname, 'i18n'));
    for (const def of TENANTS) {
      for (const lang of offeredLangs(def)) {
        const t = (key: string, vars?: Record<string, unknown>) => i18n.t(lang as Lang, key, vars);
        for (const type of offeredTypes(def)) {
          const v = identityWaysView(def, type, lang, t, { name: 'X', maxMb: 10 });
          expect(v.short.map((w) => w.way)).toEqual(v.ways.map((w) => w.way));
          for (const text of [v.intro, v.why, v.label, ...v.ways.map((w) => w.text), ...v.short.map((w) => w.text)].filter(Boolean)) {
            expect(text).not.toMatch(/[{}]|^identity\./);
          }
        }
      }
    }
  });
});
