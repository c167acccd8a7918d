import { AUTHORITIES } from '../authorities';
import { isLaw } from '../laws';
import { CHECKED_COUNTRIES, NATIONAL_RULES, isCheckedCountry } from '../national-rules';
import { jurisdictionFor } from '../jurisdiction-for';
import { publicHolidays } from '../../deadline/holidays';
import { COUNTRIES } from '../../schema/jurisdiction';
import {
  COUNTRY_CATALOGUE, authorityChoices, authorityFor, authoritiesOf, entryRefs, findAuthorityByName, isAssumedEntry, needsAuthorityChoice,
} from './catalogue';
import { COUNTRY_NAMES } from './country-names';
import { NOT_CHECKED } from './country-entry';
import { validController } from '../../linter/fixtures/valid-controller.fixture';
import { listFacts, unpublishableFacts } from '../../provenance/facts';
import { policyProblems } from '../../policy/policy-completeness';

describe('the EU/EEA country catalogue', () => {
  it('has one entry for each of the 27 Member States and Iceland, Liechtenstein and Norway', () => {
    expect(COUNTRIES).toHaveLength(30);
    expect(Object.keys(COUNTRY_CATALOGUE).sort()).toEqual([...COUNTRIES].sort());
    for (const c of COUNTRIES) expect(COUNTRY_CATALOGUE[c].country).toBe(c);
  });

  describe.each(COUNTRIES.map((c) => [c]))('%s', (country) => {
    const entry = COUNTRY_CATALOGUE[country];

    it('has an authority (or a choice of regional ones) with a name, address and web site', () => {
      expect(entry.authorities.length).toBeGreaterThan(0);
      expect(entry.authorities[0].region).toBeUndefined(); // the national one first
      for (const a of entry.authorities) {
        expect(a.country).toBe(country);
        expect(a.address.country).toBe(country);
        for (const v of [a.name, a.nameEn, a.abbreviation, a.address.street, a.address.city]) expect(v.trim()).not.toBe('');
        expect(a.web).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}/);
        if (a.email !== undefined) expect(a.email).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/);
        if (a.phone !== undefined) expect(a.phone).toMatch(/^\+\d[\d -]+$/);
        if (a.region) expect(a.region.code).toMatch(new RegExp(`^${country}-[A-Z]{2}$`));
      }
    });

    it('has a time zone Intl accepts and an Art. 8 age from 13 to 16', () => {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: entry.timeZone.zone })).not.toThrow();
      expect(entry.art8Age.age).toBeGreaterThanOrEqual(13);
      expect(entry.art8Age.age).toBeLessThanOrEqual(16);
      expect(entry.languages.length).toBeGreaterThan(0);
      expect(entry.nationalAct.name.en.trim()).not.toBe('');
    });

    it('has a holiday calendar with at least 8 public holidays in 2027', () => {
      const holidays = publicHolidays(country, 2027);
      expect(holidays.length).toBeGreaterThanOrEqual(8);
      for (const h of holidays) {
        expect(h.date).toMatch(/^2027-\d\d-\d\d$/);
        expect(h.localName.trim()).not.toBe('');
      }
    });

    it('has a reference on every fact, each naming a known source', () => {
      const groups = [...entry.authorities.map((a) => a.ref), entry.nationalAct.ref, entry.art8Age.ref, entry.timeZone.ref, entry.holidays.ref];
      for (const refs of groups) expect(refs.length).toBeGreaterThan(0);
      for (const r of entryRefs(entry)) expect(isLaw(r.source)).toBe(true);
    });

    it(isCheckedCountry(country) ? 'is checked: no fact assumed' : 'is assumed: its facts were not checked against their sources', () => {
      expect(isAssumedEntry(entry)).toBe(!isCheckedCountry(country));
      if (isCheckedCountry(country)) return;
      // Norway's authority is the checked one of AUTHORITIES; every other fact is assumed
      const refs = [...(country === 'NO' ? [] : entry.authorities.flatMap((a) => a.ref)), ...entry.nationalAct.ref, ...entry.art8Age.ref, ...entry.timeZone.ref, ...entry.holidays.ref];
      for (const r of refs) {
        expect(r.provenance).toBe('assumed');
        expect(r.note).toContain(NOT_CHECKED);
      }
    });

    it('has a name in every language Regula renders', () => {
      for (const names of Object.values(COUNTRY_NAMES)) expect(names[country].trim()).not.toBe('');
    });
  });

  it('reuses the checked countries\' authorities and national rules (the same objects, not copies)', () => {
    for (const c of CHECKED_COUNTRIES) {
      const entry = COUNTRY_CATALOGUE[c];
      expect(entry.authorities).toHaveLength(1);
      expect(entry.authorities[0]).toBe(AUTHORITIES[c]);
      expect(entry.nationalAct).toBe(NATIONAL_RULES[c].nationalAct);
      expect(entry.art8Age.age).toBe(NATIONAL_RULES[c].art8Age);
      expect(entry.timeZone.zone).toBe(NATIONAL_RULES[c].timeZone);
    }
    expect(COUNTRY_CATALOGUE.NO.authorities).toEqual([AUTHORITIES.NO]);
    expect(COUNTRY_CATALOGUE.NO.authorities[0]).toBe(AUTHORITIES.NO);
  });

  it('asks which authority applies in Germany (BfDI and the 16 Länder) and Spain (AEPD and three regions), nowhere else', () => {
    expect(COUNTRIES.filter(needsAuthorityChoice).sort()).toEqual(['DE', 'ES']);
    const de = authoritiesOf('DE');
    expect(de.map((a) => a.abbreviation)[0]).toBe('BfDI');
    expect(de.filter((a) => a.region)).toHaveLength(16);
    expect(new Set(de.map((a) => a.region?.code)).size).toBe(17);
    expect(authorityChoices('ES')).toEqual(['AEPD', 'ES-CT', 'ES-PV', 'ES-AN']);
    expect(authoritiesOf('ES').map((a) => a.abbreviation)).toEqual(['AEPD', 'APDCAT', 'AVPD', 'CTPDA']);
  });

  it('gives the one authority, or the chosen one, and refuses a missing or unknown choice', () => {
    expect(authorityFor('FI').abbreviation).toBe('Tietosuojavaltuutettu');
    expect(authorityFor('EE')).toBe(AUTHORITIES.EE);
    expect(authorityFor('DE', 'DE-BY').abbreviation).toBe('BayLDA');
    expect(authorityFor('DE', 'BfDI').region).toBeUndefined();
    expect(authorityFor('ES', 'ES-CT').abbreviation).toBe('APDCAT');
    expect(() => authorityFor('DE')).toThrow(/choose one/);
    expect(() => authorityFor('ES', 'ES-MD')).toThrow(RangeError);
    expect(() => authorityFor('FI', 'DE-BY')).toThrow(RangeError);
  });

  it('builds a jurisdiction for any catalogue country; the e-communications act only where the engine knows it', () => {
    const fi = jurisdictionFor('FI', ['en', 'sv']);
    expect(fi).toMatchObject({ country: 'FI', timeZone: 'Europe/Helsinki', art8Age: 13, authority: COUNTRY_CATALOGUE.FI.authorities[0] });
    expect(fi.eCommunicationsAct).toBeUndefined();
    expect(fi.nationalAct.ref[0].provenance).toBe('assumed');
    expect(jurisdictionFor('EE', ['et']).eCommunicationsAct).toBe(NATIONAL_RULES.EE.eCommunicationsAct);
    expect(jurisdictionFor('DE', ['en'], 'DE-HH').authority.abbreviation).toBe('HmbBfDI');
    expect(() => jurisdictionFor('ES', ['en'])).toThrow(RangeError);
  });

  it('finds an authority by name, the controller\'s country first where two share a name', () => {
    expect(findAuthorityByName('Datatilsynet', 'DK')?.authority.country).toBe('DK');
    expect(findAuthorityByName('Datatilsynet', 'NO')?.authority.country).toBe('NO');
    expect(findAuthorityByName('Datainspektionen')).toEqual({ authority: AUTHORITIES.SE, outdated: true });
    expect(findAuthorityByName('cnil')?.authority.country).toBe('FR');
    expect(findAuthorityByName('Nobody')).toBeUndefined();
  });

  it('makes a new country\'s authority and act assumed facts of a controller (a policy stating them waits for a person to confirm them)', () => {
    const fi = validController();
    fi.jurisdiction = jurisdictionFor('FI', fi.jurisdiction.languages);
    const facts = new Map(listFacts(fi).map((f) => [f.path, f]));
    expect(facts.get('jurisdiction.authority')?.provenance.class).toBe('assumed');
    expect(facts.get('jurisdiction.nationalAct')?.provenance.class).toBe('assumed');
    expect(unpublishableFacts(listFacts(fi)).map((f) => f.path)).toEqual(expect.arrayContaining(['jurisdiction.authority', 'jurisdiction.nationalAct']));
    const unconfirmed = policyProblems(fi).filter((p) => p.code === 'unconfirmed-fact');
    expect(unconfirmed.find((p) => p.path === 'jurisdiction.authority')?.message).toContain(NOT_CHECKED);
    // a checked country's stay law facts, as before
    const ee = validController();
    ee.jurisdiction = jurisdictionFor('EE', ee.jurisdiction.languages);
    expect(listFacts(ee).find((f) => f.path === 'jurisdiction.authority')?.provenance.class).toBe('law');
  });
});
