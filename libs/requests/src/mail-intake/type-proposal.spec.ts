import { guessLanguage, proposeType } from './type-proposal';

describe('type proposal of an intake message', () => {
  const lv = ['lv', 'en'];

  it.each([
    ['Access request', 'Please send me a copy of my personal data.', ['en'], 'access'],
    ['Delete my account', 'I want you to erase everything you hold about me.', ['en'], 'erasure'],
    ['Wrong address', 'My address is inaccurate, please correct it.', ['en'], 'rectification'],
    ['', 'I object to direct marketing.', ['en'], 'objection'],
    ['Data portability', 'Send it machine-readable.', ['en'], 'portability'],
    ['', 'Please restrict processing of my data (article 18).', ['en'], 'restriction'],
    ['Unsubscribe', 'I withdraw my consent to the newsletter.', ['en'], 'consent-withdrawal'],
    ['Datu dzēšana', 'Lūdzu dzēsiet manus datus.', lv, 'erasure'],
    ['Piekļuve', 'Lūdzu sniedziet kopiju par maniem datiem.', lv, 'access'],
    ['Andmete kustutamine', 'Palun kustutage minu andmed.', ['et', 'en'], 'erasure'],
    ['Prašymas', 'Prašau ištrinti mano duomenis.', ['lt', 'en'], 'erasure'],
    ['Registerutdrag', 'Jag vill ha ett registerutdrag.', ['sv', 'en'], 'access'],
    ['Samtycke', 'Jag återkallar mitt samtycke.', ['sv', 'en'], 'consent-withdrawal'],
  ])('%s / %s → %s', (subject, body, langs, expected) => {
    expect(proposeType(subject, body, langs)).toBe(expected);
  });

  it('proposes nothing when no keyword matches (the admin chooses)', () => {
    expect(proposeType('Hello', 'Just saying hi.', ['en'])).toBeNull();
  });

  it('reads only the languages it is given', () => {
    expect(proposeType('', 'Lūdzu dzēsiet manus datus.', ['en'])).toBeNull();
  });

  it('counts the subject above the body', () => {
    expect(proposeType('Erasure', 'I would also like access to my file.', ['en'])).toBe('erasure');
  });

  it("guesses the language among the tenant's, else its first", () => {
    expect(guessLanguage('Labdien! Lūdzu dzēsiet manus datus.', lv)).toBe('lv');
    expect(guessLanguage('Please delete my data and confirm.', lv)).toBe('en');
    expect(guessLanguage('12345', lv)).toBe('lv');
    expect(guessLanguage('Palun kustutage minu andmed.', ['en', 'et', 'lt'])).toBe('et');
    expect(guessLanguage('Prašau ištrinti mano duomenis.', ['en', 'et', 'lt'])).toBe('lt');
  });
});
