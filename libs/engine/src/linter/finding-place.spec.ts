import { TENANTS } from '../../../../tenants';
import { ControllerDefinition } from '../schema/controller';
import { LANGS } from '../schema/text';
import { findingPlace } from './finding-place';
import { lintController } from './lint-controller';
import { validController } from './fixtures/valid-controller.fixture';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;

describe('findingPlace', () => {
  it('names the register, the purpose and the legal basis by the definition\'s names, in the page language', () => {
    const def = tenant('inomedis');
    const path = 'registers[video-surveillance].purposes[safety].legalBases[0].article';
    expect(findingPlace(def, path, 'en')).toBe('Register “Office video surveillance”, purpose “Safety of persons at the office”, legal basis 1, article');
    expect(findingPlace(def, path, 'lv')).toBe('Reģistrs “Biroja videonovērošana”, nolūks “Personu drošība birojā”, tiesiskais pamats 1, pants');
  });

  it('falls back to English names where the definition has no text in the language, keeping the words of the language', () => {
    const def = tenant('softera-baltic');
    expect(findingPlace(def, 'registers[clients].recipients[local-partners].name', 'lt')).toBe('Registras „Klientai ir paslaugų teikimas“, gavėjas „Vietos partneriai kliento regione“, pavadinimas');
    expect(findingPlace(def, 'registers[clients].recipients[local-partners].name', 'sv')).toBe('Register ”Clients and service provision”, mottagare ”Local partners in the client’s region”, namn');
  });

  it('names rights and per-right identification in words', () => {
    const def = tenant('micromedic');
    expect(findingPlace(def, 'requests.identity.perRight.A15', 'sv')).toBe('Begäranden, identifiering, rättighet ”tillgång”');
    expect(findingPlace(def, 'rights[0]', 'et')).toBe('Õigus „juurdepääs“');
  });

  it('uses the id of an item without a name, and the number of an item without an id', () => {
    const def = tenant('medical-management');
    expect(findingPlace(def, 'registers[portal-accounts].retention[account-data].anchor', 'en')).toMatch(/^Register “[^”]+”, retention rule “account-data”, start$/);
    expect(findingPlace(def, 'notice.remarks[2]', 'en')).toBe('The controller\'s notice, remark 3');
  });

  it('names a list as a whole in the plural', () => {
    const def = tenant('inomedis');
    expect(findingPlace(def, 'registers[clients].security', 'en')).toMatch(/^Register “[^”]+”, security measures$/);
    expect(findingPlace(def, 'rights', 'lv')).toBe('Tiesības');
  });

  it('survives paths that lead nowhere and keeps unknown keys as they are', () => {
    expect(findingPlace(validController(), 'registers[nope].purposes[x].frobnicate', 'en')).toBe('Register “nope”, purpose “x”, frobnicate');
    expect(findingPlace({}, '', 'en')).toBe('');
  });

  it('gives every finding of every tenant a place in every language, without JSON path syntax', () => {
    for (const def of TENANTS) {
      for (const f of lintController(def)) {
        for (const lang of LANGS) {
          const place = findingPlace(def, f.path, lang);
          expect(place).not.toMatch(/[[\]]/);
          expect(place.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
