import type { Register } from '@regula/engine';
import { marketingRegister } from '@regula/tenants';
import { consentOnly, tiedCategories } from './consent-ties';

/** Against a real tenant definition: Inomedis, register "marketing". */
describe('records tied to a consent', () => {
  const reg = marketingRegister as unknown as Register;

  it('reads the register: partner offers, greetings and surveys rest on consent; own offers and profiling on legitimate interests', () => {
    expect(reg.purposes.filter(consentOnly).map((p) => p.id)).toEqual(['partner-offers', 'greetings-bonuses', 'surveys-new-products']);
  });

  it('a withdrawn partner-offers consent stops the consent records, not the contact data that own offers (6(1)(f)) still need', () => {
    expect(tiedCategories(reg, 'partner-offers')).toEqual(['consent-records']);
  });

  it('a withdrawn survey consent stops the survey answers and the consent records', () => {
    expect(tiedCategories(reg, 'surveys-new-products')).toEqual(['survey', 'consent-records']);
  });

  it('keeps what another purpose the subject still consents to needs', () => {
    expect(tiedCategories(reg, 'surveys-new-products', ['greetings-bonuses'])).toEqual(['survey']);
    expect(tiedCategories(reg, 'partner-offers', ['greetings-bonuses'])).toEqual([]);
  });

  it('a purpose that is not in the register ties nothing', () => {
    expect(tiedCategories(reg, 'no-such-purpose')).toEqual([]);
  });
});
