import { IdentifierError, normaliseIdentifier, normalisePhone } from './identifiers';

describe('identifier normalisation', () => {
  it('lower-cases and trims e-mail addresses, and refuses what is not one', () => {
    expect(normaliseIdentifier('email', '  Anna.Berzina@Example.LV ')).toBe('anna.berzina@example.lv');
    expect(() => normaliseIdentifier('email', 'anna@')).toThrow(IdentifierError);
    expect(() => normaliseIdentifier('email', 'anna berzina@example.lv')).toThrow(/not an e-mail address/);
  });

  it('keeps phone numbers as + and digits, whatever the punctuation', () => {
    expect(normalisePhone('+371 2612-3456')).toBe('+37126123456');
    expect(normalisePhone('(+46) 70.123 45 67')).toBe('+46701234567');
    expect(normalisePhone('00372 5123 4567')).toBe('+37251234567');
  });

  it("gives national numbers the tenant's country code, without the trunk prefix", () => {
    expect(normalisePhone('070-123 45 67', 'SE')).toBe('+46701234567');
    expect(normalisePhone('8 612 34567', 'LT')).toBe('+37061234567');
    expect(normalisePhone('0 612 34567', 'LT')).toBe('+37061234567');
    expect(normalisePhone('2612 3456', 'LV')).toBe('+37126123456');
    expect(normalisePhone('5123 4567', 'EE')).toBe('+37251234567');
    expect(() => normalisePhone('2612 3456')).toThrow(/must be international/);
    expect(() => normalisePhone('+12', 'LV')).toThrow(/not a phone number/);
    expect(() => normalisePhone('+371 ABC', 'LV')).toThrow(/not a phone number/);
  });

  it('trims customer numbers and usernames and keeps their case', () => {
    expect(normaliseIdentifier('customer-number', ' IN-1002 ')).toBe('IN-1002');
    expect(normaliseIdentifier('username', ' AnnaB ')).toBe('AnnaB');
    expect(() => normaliseIdentifier('username', '   ')).toThrow(/must not be empty/);
    expect(() => normaliseIdentifier('username', 'x'.repeat(321))).toThrow(/longer than 320/);
  });
});
