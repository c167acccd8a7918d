import { TENANTS } from '@regula/tenants';
import { definitionErrors, lintController } from '../linter';
import { listFacts } from '../provenance';
import { checkControllerFacts, checkOnboardingInput } from './onboarding-input';
import { CONTROLLER_FORM, applyControllerFacts, controllerFactsOf, draftController } from './draft-controller';

const BODY = {
  slug: 'nordkust',
  legalName: 'Nordkust Oy',
  brand: 'Nordkust',
  registryCode: '1234567-8',
  legalAddress: { street: 'Esplanadi 1', city: 'Helsinki', postalCode: '00100' },
  contact: { email: 'privacy@nordkust.test' },
  dpo: 'none',
  country: 'FI',
  languages: ['sv', 'en'],
  branding: { primaryColor: '#1f4e79', accentColor: '#7A3E00' },
  firstAdminEmail: 'Admin@Nordkust.test',
};
const FORM = { date: '2026-12-07', by: 'platform@regula.test (platform-admin)' };

function checked(body: object) {
  const c = checkOnboardingInput(body);
  if (!c.ok) throw new Error(c.errors.join('; '));
  return c.value;
}

describe('onboarding input', () => {
  it('names every bad field', () => {
    const c = checkOnboardingInput({ ...BODY, slug: 'Nord--kust', legalName: ' ', contact: { email: 'x' }, dpo: {}, languages: ['sv', 'fi'], branding: { primaryColor: '#777777', accentColor: 'red' }, groupCompanies: [{ name: 'X', relation: 'cousin', country: 'US' }] });
    expect(c.ok).toBe(false);
    const fields = (c as { errors: string[] }).errors.map((e) => e.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['slug', 'legalName', 'contact.email', 'dpo.email', 'languages', 'branding.primaryColor', 'branding.accentColor', 'groupCompanies[0].relation', 'groupCompanies[0].country']));
  });

  it('asks which authority where competence is regional, and takes only one of the catalogue\'s', () => {
    const de = checkOnboardingInput({ ...BODY, country: 'DE' });
    expect(de).toEqual({ ok: false, errors: ['authority: is required'], problems: [{ field: 'authority', code: 'required' }] });
    expect(checkOnboardingInput({ ...BODY, country: 'DE', authority: 'DE-XX' }).ok).toBe(false);
    expect(checked({ ...BODY, country: 'DE', authority: 'DE-BY' }).authority).toBe('DE-BY');
  });

  it('normalises: colours upper case, the first admin lower case, the address in the controller\'s country', () => {
    const v = checked(BODY);
    expect(v.branding.primaryColor).toBe('#1F4E79');
    expect(v.firstAdminEmail).toBe('admin@nordkust.test');
    expect(v.legalAddress.country).toBe('FI');
  });
});

describe('draftController', () => {
  const def = draftController(checked(BODY), FORM);

  it('brings the country\'s catalogue entry: Finland\'s time zone and Art. 8 age, its authority', () => {
    expect(def.jurisdiction).toMatchObject({ country: 'FI', timeZone: 'Europe/Helsinki', art8Age: 13, languages: ['sv', 'en'] });
    expect(def.jurisdiction.authority.country).toBe('FI');
    expect(def.registers).toEqual([]);
  });

  it('has no definition error but the missing registers (which refuse the first policy)', () => {
    expect(definitionErrors(lintController(def)).map((f) => `${f.code} ${f.path}`)).toEqual(['empty-section registers']);
  });

  it('states what the admin typed and assumes what the form filled in', () => {
    const facts = listFacts(def);
    const cls = (path: string) => facts.find((f) => f.path === path)?.provenance.class;
    expect(cls('legalName')).toBe('stated');
    expect(cls('legalAddress')).toBe('stated');
    expect(cls('contact')).toBe('stated');
    expect(cls('service')).toBe('assumed');
    expect(cls('children')).toBe('assumed');
    expect(facts.filter((f) => f.path.startsWith('rights')).every((f) => f.provenance.class === 'assumed')).toBe(true);
    // Finland's catalogue entry is not checked: its authority is assumed too.
    expect(facts.some((f) => f.path.includes('authority') && f.provenance.class === 'assumed')).toBe(true);
  });

  it('writes its texts in the controller\'s languages (and English, which every text has)', () => {
    expect(Object.keys(def.service).sort()).toEqual(['en', 'sv']);
    expect(def.children.statement.sv).toBe('Vår tjänst riktar sig inte till barn under 13 år.');
  });

  it('edits: the form\'s facts laid over a stored definition, the rest kept, the form a document beside the notice', () => {
    const { registers: _r, ...stored } = def;
    const facts = controllerFactsOf(stored);
    const again = checkControllerFacts({ ...facts, contact: { ...facts.contact, phone: '+358 9 123 4567' } });
    if (!again.ok) throw new Error(again.errors.join('; '));
    const next = applyControllerFacts({ ...stored, documents: [{ id: 'notice', title: 'Notice', language: 'en', role: 'notice' }, ...stored.documents] }, again.value, FORM);
    expect(next.contact.phone).toBe('+358 9 123 4567');
    expect(next.rights).toEqual(stored.rights);
    expect(next.documents.map((d) => d.id)).toEqual(['notice', CONTROLLER_FORM]);
    expect(next.fieldRefs?.legalName).toEqual([{ source: CONTROLLER_FORM, at: 'legalName' }]);
  });
});

describe('the facts form over the demo controllers', () => {
  it.each(TENANTS.map((d) => [d.slug, d] as const))('%s: its facts pass the form\'s check as they are (what its notice left unstated must be filled in), so sending the form back unchanged changes nothing', (_slug, def) => {
    const { registers: _r, ...stored } = def;
    const facts = controllerFactsOf(stored);
    const again = checkControllerFacts(facts);
    if (again.ok) expect(again.value).toEqual(facts);
    // Softera's notice states no address and no e-mail (unknown facts): the form asks for them, nothing else.
    else expect(again.problems.every((p) => p.code === 'required')).toBe(true);
  });
});
