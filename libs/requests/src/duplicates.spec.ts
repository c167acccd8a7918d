import { DEFAULT_DUPLICATE_WINDOW_DAYS, duplicateWindowDays, foldText, identityKeys } from './duplicates';

describe('duplicate requests: the requester identity keys', () => {
  it('lower-cases and trims the e-mail address', () => {
    expect(identityKeys({ requesterName: 'Anna', requesterEmail: '  Anna.Berzina@Example.LV ' })).toEqual(['e:anna.berzina@example.lv']);
  });

  it('puts a phone in E.164 form (the tenant country for a national number) with the name folded; a phone alone is not the person', () => {
    const a = identityKeys({ requesterName: '  ANNA   Bērziņa ', requesterEmail: null, requesterPhone: '+371 2612-3456' }, 'LV');
    const b = identityKeys({ requesterName: 'anna bērziņa', requesterEmail: null, requesterPhone: '0037126123456' }, 'LV');
    expect(a).toEqual(['p:+37126123456|anna bērziņa']);
    expect(b).toEqual(a);
    expect(identityKeys({ requesterName: '', requesterEmail: null, requesterPhone: '+37126123456' })).toEqual([]);
    // A national number where the country is unknown gives no key rather than a wrong one.
    expect(identityKeys({ requesterName: 'Anna', requesterEmail: null, requesterPhone: '26123456' })).toEqual([]);
  });

  it('folds a postal address and a name (case, spaces, commas)', () => {
    expect(foldText('  Brīvības iela 1,  Rīga ')).toBe('brīvības iela 1 rīga');
    expect(identityKeys({ requesterName: 'Anna', requesterEmail: null, requesterAddress: 'Brīvības iela 1, Rīga' })).toEqual(['a:brīvības iela 1 rīga|anna']);
  });

  it('takes the tenant window, else 30 days', () => {
    expect(duplicateWindowDays({})).toBe(DEFAULT_DUPLICATE_WINDOW_DAYS);
    expect(DEFAULT_DUPLICATE_WINDOW_DAYS).toBe(30);
    expect(duplicateWindowDays({ duplicateWindowDays: 14 })).toBe(14);
    expect(duplicateWindowDays({ duplicateWindowDays: -1 })).toBe(30);
  });
});
