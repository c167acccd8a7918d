import path from 'node:path';
import { LANGS, oneMonthDeadline } from '@regula/engine';
import { TENANTS } from '@regula/tenants';
import { PublicI18n, catalogKeys } from '../web/i18n';
import { brandStylesheet, contrastRatio, textOn } from '../web/brand-colours';
import { chooseLang, identityCheckFor, offeredLangs, offeredTypes } from '../web/public-tenant';
import { parseRequestForm } from './request-form';
import { deadlineView } from './deadline.view';
import { outcomeView } from './request-status.view';

const i18n = new PublicI18n(path.join(__dirname, 'i18n'));
const now = new Date('2026-03-05T10:00:00Z');
const ctx = { timeZone: 'Europe/Riga', now, consentPurposes: [] };

describe('public pages: catalogues', () => {
  const en = catalogKeys(i18n.catalog('en')).sort();
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');

  it.each(LANGS.filter((l) => l !== 'en'))('%s has every English key, no other key, and the same placeholders', (lang) => {
    expect(catalogKeys(i18n.catalog(lang)).sort()).toEqual(en);
    for (const key of en) expect({ key, p: placeholders(i18n.t(lang, key)) }).toEqual({ key, p: placeholders(i18n.t('en', key)) });
  });

  it('has a name and an article for every right a tenant states', () => {
    for (const def of TENANTS) {
      for (const r of def.rights) {
        for (const lang of LANGS) {
          expect(i18n.has(lang, `rights.${r.right}`)).toBe(true);
          expect(i18n.has(lang, `articles.${r.right}`)).toBe(true);
        }
      }
    }
  });
});

describe('public pages: languages and rights offered', () => {
  it('offers the tenant languages then English; lang parameter, then Accept-Language, then the first', () => {
    const langs = offeredLangs({ jurisdiction: { languages: ['lv', 'en'] } } as never);
    expect(langs).toEqual(['lv', 'en']);
    expect(chooseLang(langs, 'en', undefined)).toBe('en');
    expect(chooseLang(langs, 'sv', 'en-GB,en;q=0.8')).toBe('en');
    expect(chooseLang(langs, undefined, 'de-DE, lv;q=0.5, en;q=0.9')).toBe('en');
    expect(chooseLang(langs, undefined, 'de')).toBe('lv');
    expect(chooseLang(langs, ['en'], undefined)).toBe('lv');
  });

  it('offers a form only for rights the tenant states, with its identity check per right', () => {
    const byslug = Object.fromEntries(TENANTS.map((t) => [t.slug, t]));
    expect(offeredTypes(byslug.inomedis)).toContain('recipients-in-period');
    expect(offeredTypes(byslug.micromedic)).not.toContain('recipients-in-period');
    expect(offeredTypes(byslug['softera-baltic'])).toContain('objection-automated');
    expect(offeredTypes(byslug['medical-management'])).not.toContain('objection-automated');
    expect(identityCheckFor(byslug.micromedic, 'access')).toBe('signed-written-request');
    expect(identityCheckFor(byslug.micromedic, 'erasure')).toBe('email-link');
    expect(identityCheckFor(byslug.inomedis, 'portability')).toBe('qualified-e-signature');
  });
});

describe('public pages: the request form', () => {
  it('requires a name and a valid e-mail, keeps what was typed', () => {
    const r = parseRequestForm('access', { name: '  ', email: 'nope', message: '<b>hi</b>' }, ctx);
    expect(r.errors).toEqual({ name: 'error.name.required', email: 'error.email.invalid' });
    expect(r.values.message).toBe('<b>hi</b>');
  });

  it('rejects values that are not text (arrays or objects from the form parser)', () => {
    const r = parseRequestForm('access', { name: ['a', 'b'], email: { x: 1 } }, ctx);
    expect(Object.keys(r.errors).sort()).toEqual(['email', 'name']);
  });

  it('rectification: at least one complete correction', () => {
    expect(parseRequestForm('rectification', { name: 'A', email: 'a@example.com' }, ctx).errors).toEqual({ c1: 'error.corrections.required' });
    expect(parseRequestForm('rectification', { name: 'A', email: 'a@example.com', c1_field: 'Phone' }, ctx).errors).toEqual({ c1: 'error.corrections.incomplete' });
    const ok = parseRequestForm('rectification', { name: 'A', email: 'a@example.com', c2_field: 'Phone', c2_corrected: '+371 2000 0000' }, ctx);
    expect(ok.errors).toEqual({});
    expect(ok.details.corrections).toEqual([{ field: 'Phone', corrected: '+371 2000 0000' }]);
  });

  it('recipients in a period: real dates, in order, not starting in the future', () => {
    const base = { name: 'A', email: 'a@example.com' };
    expect(parseRequestForm('recipients-in-period', base, ctx).errors).toEqual({ from: 'error.period.required', to: 'error.period.required' });
    expect(parseRequestForm('recipients-in-period', { ...base, from: '2026-02-30', to: '2026-03-01' }, ctx).errors).toEqual({ from: 'error.period.invalid' });
    expect(parseRequestForm('recipients-in-period', { ...base, from: '2026-03-01', to: '2026-01-01' }, ctx).errors).toEqual({ to: 'error.period.order' });
    expect(parseRequestForm('recipients-in-period', { ...base, from: '2026-04-01', to: '2026-05-01' }, ctx).errors).toEqual({ from: 'error.period.future' });
    expect(parseRequestForm('recipients-in-period', { ...base, from: '2025-01-01', to: '2025-12-31' }, ctx).details.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('objection: a scope is required; the direct-marketing form always objects to direct marketing', () => {
    expect(parseRequestForm('objection', { name: 'A', email: 'a@example.com', scope: 'everything' }, ctx).errors).toEqual({ scope: 'error.scope.required' });
    expect(parseRequestForm('objection', { name: 'A', email: 'a@example.com', scope: 'all' }, ctx).details.scope).toBe('all');
    expect(parseRequestForm('objection-direct-marketing', { name: 'A', email: 'a@example.com' }, ctx).details.scope).toBe('direct-marketing');
  });

  it('consent withdrawal: listed purposes as register:purpose ids, or all; free text when the registers list none', () => {
    const consentPurposes = [{ value: 'marketing:newsletter', register: 'marketing', purpose: 'newsletter', label: { value: 'Newsletter' }, registerName: { value: 'Marketing' } }];
    const c = { ...ctx, consentPurposes };
    const base = { name: 'A', email: 'a@example.com' };
    expect(parseRequestForm('consent-withdrawal', base, c).errors).toEqual({ purposes: 'error.purposes.required' });
    expect(parseRequestForm('consent-withdrawal', { ...base, purposes: 'other:x' }, c).errors).toEqual({ purposes: 'error.purposes.invalid' });
    expect(parseRequestForm('consent-withdrawal', { ...base, purposes: 'marketing:newsletter' }, c).details).toEqual({ purposes: ['marketing:newsletter'] });
    expect(parseRequestForm('consent-withdrawal', { ...base, purposes: ['all', 'marketing:newsletter'] }, c).details).toEqual({ scope: 'all' });
    expect(parseRequestForm('consent-withdrawal', { ...base, purposesText: 'Photos', message: 'Thanks' }, ctx).details).toEqual({ message: 'Photos\n\nThanks' });
  });
});

describe('public pages: views', () => {
  it('explains a due date moved past public holidays, in the page language', () => {
    const d = oneMonthDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: now });
    const t = (k: string, v?: Record<string, unknown>) => i18n.t('lv', k, v);
    const view = deadlineView(d, 'LV', 'lv', t);
    expect(view.dueDate).toBe('2026-04-07');
    expect(view.dueText).toContain('2026. gada 7. aprīlis');
    expect(view.lines.join(' ')).toMatch(/Lieldien/);
  });

  it('brand colours keep text readable (at least 4.5:1)', () => {
    for (const def of TENANTS) {
      const css = brandStylesheet(def.branding);
      const brand = /--brand: (#[0-9A-F]{6})/.exec(css)![1];
      expect(contrastRatio(brand, textOn(brand))).toBeGreaterThanOrEqual(4.5);
    }
    expect(brandStylesheet({ primaryColor: 'red;}body{display:none', accentColor: '#FFFF00' })).toContain('--brand: #1F4E79');
    expect(textOn('#FFFF00')).toBe('#111111');
  });

  it('outcome links stay on this site and carry the status token', () => {
    const v = outcomeView({ summary: 'Done', artifacts: [{ path: '/t/x/requests/R-1/artifacts/9', fileName: 'copy.html' }, { path: 'https://evil.example/x' }, { path: 'javascript:alert(1)' }] }, 'en', 'tok');
    expect(v!.downloads).toEqual([{ href: '/t/x/requests/R-1/artifacts/9?token=tok', label: { value: 'copy.html' } }]);
  });
});
