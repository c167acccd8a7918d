import { CountryEntry, assumedAuthority, assumedHolidays, assumedRef, assumedTimeZone } from './country-entry';

/**
 * Spain: the AEPD, plus the regional authorities of Catalonia, the Basque
 * Country and Andalusia (LOPDGDD Art. 57), competent for the public bodies of
 * their region and those who act for them; a controller chooses. All assumed.
 */
export const SPAIN: CountryEntry = {
  country: 'ES',
  languages: ['es', 'ca', 'eu', 'gl'],
  authorities: [
    // The AEPD takes messages through its electronic office: no e-mail address.
    assumedAuthority({
      country: 'ES', name: 'Agencia Española de Protección de Datos', nameEn: 'Spanish Data Protection Agency', abbreviation: 'AEPD',
      address: { street: 'C/ Jorge Juan, 6', postalCode: '28001', city: 'Madrid', country: 'ES' },
      phone: '+34 91 266 35 17', web: 'https://www.aepd.es',
    }),
    assumedAuthority({
      country: 'ES', region: { code: 'ES-CT', name: 'Catalunya' },
      name: 'Autoritat Catalana de Protecció de Dades', nameEn: 'Catalan Data Protection Authority', abbreviation: 'APDCAT',
      address: { street: 'C/ Rosselló, 214, esc. A, 1r 1a', postalCode: '08008', city: 'Barcelona', country: 'ES' },
      email: 'apdcat@gencat.cat', web: 'https://apdcat.gencat.cat',
    }),
    assumedAuthority({
      country: 'ES', region: { code: 'ES-PV', name: 'Euskadi / País Vasco' },
      name: 'Datuak Babesteko Euskal Bulegoa / Agencia Vasca de Protección de Datos', nameEn: 'Basque Data Protection Authority', abbreviation: 'AVPD',
      address: { street: 'C/ Beato Tomás de Zumárraga, 71, 3ª planta', postalCode: '01008', city: 'Vitoria-Gasteiz', country: 'ES' },
      email: 'avpd@avpd.eus', web: 'https://www.avpd.eus',
    }),
    assumedAuthority({
      country: 'ES', region: { code: 'ES-AN', name: 'Andalucía' },
      name: 'Consejo de Transparencia y Protección de Datos de Andalucía', nameEn: 'Council for Transparency and Data Protection of Andalusia', abbreviation: 'CTPDA',
      address: { street: 'C/ Conde de Ibarra, 18', postalCode: '41004', city: 'Sevilla', country: 'ES' },
      web: 'https://www.ctpdandalucia.es',
    }),
  ],
  nationalAct: { name: { en: 'Organic Law 3/2018 of 5 December on the Protection of Personal Data and the guarantee of digital rights (LOPDGDD)' }, ref: [assumedRef('ES-LOPDGDD')] },
  art8Age: { age: 14, ref: [assumedRef('ES-LOPDGDD', 'Art. 7')] },
  timeZone: assumedTimeZone('ES', 'Europe/Madrid', 'the zone of the capital; the Canary Islands (Atlantic/Canary) are an hour behind'),
  holidays: assumedHolidays('ES', 'es'),
};
