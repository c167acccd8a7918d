import { Address, Authority } from '../../schema/jurisdiction';
import { CountryEntry, assumedAuthority, assumedHolidays, assumedRef, assumedTimeZone, gdprDefaultAge } from './country-entry';

/** A Land's authority: the supervisory authority of the private bodies established in that Land (BDSG § 40). */
function land(code: string, region: string, name: string, nameEn: string, abbreviation: string, address: Omit<Address, 'country'>, web: string, email?: string): Authority {
  return assumedAuthority({
    country: 'DE', region: { code, name: region }, name, nameEn, abbreviation,
    address: { ...address, country: 'DE' }, web, ...(email ? { email } : {}),
  });
}

/**
 * Germany: the Federal Commissioner (BfDI) supervises federal public bodies and
 * telecommunications and postal services; every other controller answers to the
 * authority of the Land where it is established, so a controller chooses. In
 * Bavaria the Land authority for private bodies (BayLDA) is listed: its public
 * bodies have an authority of their own. Phone numbers are left out: none was
 * known well enough. All assumed.
 */
export const GERMANY: CountryEntry = {
  country: 'DE',
  languages: ['de'],
  authorities: [
    assumedAuthority({
      country: 'DE', name: 'Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit', nameEn: 'Federal Commissioner for Data Protection and Freedom of Information', abbreviation: 'BfDI',
      address: { street: 'Graurheindorfer Straße 153', postalCode: '53117', city: 'Bonn', country: 'DE' },
      phone: '+49 228 997799-0', email: 'poststelle@bfdi.bund.de', web: 'https://www.bfdi.bund.de',
    }),
    land('DE-BW', 'Baden-Württemberg', 'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg', 'State Commissioner for Data Protection and Freedom of Information of Baden-Württemberg', 'LfDI BW',
      { street: 'Lautenschlagerstraße 20', postalCode: '70173', city: 'Stuttgart' }, 'https://www.baden-wuerttemberg.datenschutz.de', 'poststelle@lfdi.bwl.de'),
    land('DE-BY', 'Bayern', 'Bayerisches Landesamt für Datenschutzaufsicht', 'Bavarian Data Protection Authority (private sector)', 'BayLDA',
      { street: 'Promenade 18', postalCode: '91522', city: 'Ansbach' }, 'https://www.lda.bayern.de', 'poststelle@lda.bayern.de'),
    land('DE-BE', 'Berlin', 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', 'Berlin Commissioner for Data Protection and Freedom of Information', 'BlnBDI',
      { street: 'Alt-Moabit 59-61', postalCode: '10555', city: 'Berlin' }, 'https://www.datenschutz-berlin.de', 'mailbox@datenschutz-berlin.de'),
    land('DE-BB', 'Brandenburg', 'Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg', 'Brandenburg Commissioner for Data Protection and Access to Files', 'LDA Brandenburg',
      { street: 'Stahnsdorfer Damm 77', postalCode: '14532', city: 'Kleinmachnow' }, 'https://www.lda.brandenburg.de', 'poststelle@lda.brandenburg.de'),
    land('DE-HB', 'Bremen', 'Die Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen', 'Bremen Commissioner for Data Protection and Freedom of Information', 'LfDI Bremen',
      { street: 'Arndtstraße 1', postalCode: '27570', city: 'Bremerhaven' }, 'https://www.datenschutz.bremen.de', 'office@datenschutz.bremen.de'),
    land('DE-HH', 'Hamburg', 'Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit', 'Hamburg Commissioner for Data Protection and Freedom of Information', 'HmbBfDI',
      { street: 'Ludwig-Erhard-Straße 22', postalCode: '20459', city: 'Hamburg' }, 'https://datenschutz-hamburg.de', 'mailbox@datenschutz.hamburg.de'),
    land('DE-HE', 'Hessen', 'Der Hessische Beauftragte für Datenschutz und Informationsfreiheit', 'Hessian Commissioner for Data Protection and Freedom of Information', 'HBDI',
      { street: 'Gustav-Stresemann-Ring 1', postalCode: '65189', city: 'Wiesbaden' }, 'https://datenschutz.hessen.de', 'poststelle@datenschutz.hessen.de'),
    land('DE-MV', 'Mecklenburg-Vorpommern', 'Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern', 'Mecklenburg-Western Pomerania Commissioner for Data Protection and Freedom of Information', 'LfDI MV',
      { street: 'Werderstraße 74a', postalCode: '19055', city: 'Schwerin' }, 'https://www.datenschutz-mv.de', 'info@datenschutz-mv.de'),
    land('DE-NI', 'Niedersachsen', 'Die Landesbeauftragte für den Datenschutz Niedersachsen', 'Lower Saxony Commissioner for Data Protection', 'LfD Niedersachsen',
      { street: 'Prinzenstraße 5', postalCode: '30159', city: 'Hannover' }, 'https://www.lfd.niedersachsen.de', 'poststelle@lfd.niedersachsen.de'),
    land('DE-NW', 'Nordrhein-Westfalen', 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen', 'North Rhine-Westphalia Commissioner for Data Protection and Freedom of Information', 'LDI NRW',
      { street: 'Kavalleriestraße 2-4', postalCode: '40213', city: 'Düsseldorf' }, 'https://www.ldi.nrw.de', 'poststelle@ldi.nrw.de'),
    land('DE-RP', 'Rheinland-Pfalz', 'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz', 'Rhineland-Palatinate Commissioner for Data Protection and Freedom of Information', 'LfDI RLP',
      { street: 'Hintere Bleiche 34', postalCode: '55116', city: 'Mainz' }, 'https://www.datenschutz.rlp.de', 'poststelle@datenschutz.rlp.de'),
    land('DE-SL', 'Saarland', 'Unabhängiges Datenschutzzentrum Saarland', 'Independent Data Protection Centre of Saarland', 'UDZ',
      { street: 'Fritz-Dobisch-Straße 12', postalCode: '66111', city: 'Saarbrücken' }, 'https://www.datenschutz.saarland.de', 'poststelle@datenschutz.saarland.de'),
    land('DE-SN', 'Sachsen', 'Sächsische Datenschutz- und Transparenzbeauftragte', 'Saxon Data Protection and Transparency Commissioner', 'SDTB',
      { street: 'Devrientstraße 5', postalCode: '01067', city: 'Dresden' }, 'https://www.datenschutz.sachsen.de'),
    land('DE-ST', 'Sachsen-Anhalt', 'Landesbeauftragter für den Datenschutz Sachsen-Anhalt', 'Saxony-Anhalt Commissioner for Data Protection', 'LfD Sachsen-Anhalt',
      { street: 'Leiterstraße 9', postalCode: '39104', city: 'Magdeburg' }, 'https://datenschutz.sachsen-anhalt.de'),
    land('DE-SH', 'Schleswig-Holstein', 'Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein', 'Independent Centre for Privacy Protection Schleswig-Holstein', 'ULD',
      { street: 'Holstenstraße 98', postalCode: '24103', city: 'Kiel' }, 'https://www.datenschutzzentrum.de', 'mail@datenschutzzentrum.de'),
    land('DE-TH', 'Thüringen', 'Thüringer Landesbeauftragter für den Datenschutz und die Informationsfreiheit', 'Thuringian Commissioner for Data Protection and Freedom of Information', 'TLfDI',
      { street: 'Häßlerstraße 8', postalCode: '99096', city: 'Erfurt' }, 'https://www.tlfdi.de', 'poststelle@datenschutz.thueringen.de'),
  ],
  nationalAct: { name: { en: 'Federal Data Protection Act (Bundesdatenschutzgesetz, BDSG) of 30 June 2017' }, ref: [assumedRef('DE-BDSG')] },
  art8Age: gdprDefaultAge(),
  timeZone: assumedTimeZone('DE', 'Europe/Berlin', 'Büsingen am Hochrhein follows Swiss time (Europe/Busingen) with the same offsets'),
  holidays: assumedHolidays('DE', 'de'),
};

