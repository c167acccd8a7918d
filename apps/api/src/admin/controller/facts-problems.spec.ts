import { UnprocessableError } from '@regula/platform';
import { refusalWords } from './facts-problems';

const t = (key: string) => key;

describe('refusalWords', () => {
  it('says facts the linter refuses in the page language: where and what is wrong, no code, path or English message', () => {
    const e = new UnprocessableError(['contact.email: contact.email is missing'], { findings: [{ code: 'missing-field', path: 'contact.email' }, { code: 'duplicate-id', path: 'groupCompanies[1]' }] });
    expect(refusalWords(e, t, 'lv')).toEqual([
      'controller.problem.rules',
      'Kontaktinformācija, e-pasts: obligāts lauks trūkst vai ir nepareizā formā.',
      'Grupas uzņēmums 2: diviem viena saraksta elementiem ir vienāds identifikators.',
    ]);
    expect(refusalWords(e, t, 'en')[1]).toBe('Contact details, e-mail: a required field is missing or has the wrong form.');
  });
});
