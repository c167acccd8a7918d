import { TENANTS } from '../../../../tenants';
import { ControllerDefinition } from '../schema/controller';
import { LANGS } from '../schema/text';
import { REGISTER_TEMPLATE_KEYS, blankRegister, registerFromTemplate } from '../catalog/register-templates';
import { Country } from '../schema/jurisdiction';
import { findingPlace, keysWithoutWords } from './finding-place';
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

  it('names a retention rule by the data categories it governs, uses the id of another item without a name, and the number of an item without an id', () => {
    const def = tenant('medical-management');
    expect(findingPlace(def, 'registers[portal-accounts].retention[account-data].anchor', 'en')).toMatch(/^Register “[^”]+”, retention rule “Name, [^”]+”, start$/);
    expect(findingPlace(def, 'registers[portal-accounts].retention[account-data].anchor', 'et')).toMatch(/^Register „[^“]+“, säilitamise reegel „Nimi, [^“]+“, algus$/);
    expect(findingPlace(validController(), 'registers[nope].retention[r1]', 'en')).toBe('Register “nope”, retention rule “r1”');
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

  it('names references, their sources and the references of single fields in words', () => {
    const def = tenant('inomedis');
    expect(findingPlace(def, 'registers[clients].ref[0].source', 'lv')).toMatch(/^Reģistrs “[^”]+”, atsauce 1, avots$/);
    expect(findingPlace(def, 'registers[clients].fieldRefs.name[1].source', 'en')).toMatch(/^Register “[^”]+”, field “name”, reference 2, source$/);
    expect(findingPlace(def, 'registers[clients].fieldRefs.name[1].source', 'et')).toMatch(/^Register „[^“]+“, väli „nimi“, viide 2, allikas$/);
    expect(findingPlace(def, 'notice.trackersMentioned[0]', 'sv')).toBe('Den personuppgiftsansvariges policy, nämnd spårare 1');
    expect(findingPlace(def, 'registers[clients].name.lt', 'lv')).toMatch(/^Reģistrs “[^”]+”, nosaukums, lietuviešu valoda$/);
    expect(findingPlace(def, 'registers[clients].name.lt', 'en')).toMatch(/^Register “[^”]+”, name, Lithuanian$/);
    expect(keysWithoutWords('registers[x].fieldRefs.name[0].source')).toEqual([]);
    expect(keysWithoutWords('requests.identity.perRight.A15')).toEqual([]);
    expect(keysWithoutWords('registers[x].frobnicate.ref[0]')).toEqual(['frobnicate']);
  });

  it('gives every finding of every tenant and of every register template a place in every language, without JSON path syntax or a key in schema form', () => {
    const defs: unknown[] = [...TENANTS];
    for (const key of REGISTER_TEMPLATE_KEYS) {
      for (const country of ['EE', 'LT', 'LV', 'SE', 'DE'] as Country[]) {
        const def = validController();
        defs.push({ ...def, registers: [...def.registers, registerFromTemplate(key, `t-${key}`, country)] });
      }
    }
    const blank = validController();
    defs.push({ ...blank, registers: [...blank.registers, blankRegister('blank', { en: 'New register', et: 'Uus register', lt: 'Naujas registras', lv: 'Jauns reģistrs', sv: 'Nytt register' })] });
    let seen = 0;
    for (const def of defs) {
      for (const f of lintController(def as ControllerDefinition)) {
        seen++;
        expect({ path: f.path, untranslated: keysWithoutWords(f.path) }).toEqual({ path: f.path, untranslated: [] });
        for (const lang of LANGS) {
          const place = findingPlace(def, f.path, lang);
          expect(place).not.toMatch(/[[\]]/);
          expect(place.length).toBeGreaterThan(0);
          if (lang !== 'en') expect({ path: f.path, lang, place, camelCase: /\b[a-z]+[A-Z][A-Za-z]*\b/.test(place) }).toEqual({ path: f.path, lang, place, camelCase: false });
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });
});
