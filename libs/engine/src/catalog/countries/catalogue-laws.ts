/**
 * The sources the country catalogue cites beyond the checked countries' laws:
 * the EDPB members list, the time-zone database, the holiday calendars, and each
 * country's data-protection act (official title, English title). Merged into
 * LAWS, so a catalogue ref names a known source.
 */
export const CATALOGUE_SOURCES: Record<string, { title: string; url?: string }> = {
  'EDPB-MEMBERS': { title: 'European Data Protection Board: members (the supervisory authorities of the EU/EEA states)', url: 'https://www.edpb.europa.eu/about-edpb/about-edpb/members_en' },
  'IANA-TZDB': { title: 'IANA Time Zone Database (zone1970.tab: the zones of each country)' },
  'HOLIDAY-CALENDARS': { title: 'Public-holiday calendars of the date-holidays package (holidays typed public)' },
  'AT-DSG': { title: 'Datenschutzgesetz (DSG) (Austrian Data Protection Act)' },
  'BE-WVP': { title: 'Wet van 30 juli 2018 betreffende de bescherming van natuurlijke personen met betrekking tot de verwerking van persoonsgegevens / Loi du 30 juillet 2018 relative à la protection des personnes physiques à l\'égard des traitements de données à caractère personnel (Belgian Data Protection Act)' },
  'BG-ZZLD': { title: 'Закон за защита на личните данни (Bulgarian Personal Data Protection Act)' },
  'CY-125-2018': { title: 'Νόμος 125(Ι)/2018 (Cypriot Law on the protection of natural persons with regard to the processing of personal data)' },
  'CZ-ZZOU': { title: 'Zákon č. 110/2019 Sb., o zpracování osobních údajů (Czech Act on the Processing of Personal Data)' },
  'DE-BDSG': { title: 'Bundesdatenschutzgesetz (BDSG) (German Federal Data Protection Act)' },
  'DK-DBL': { title: 'Databeskyttelsesloven, lov nr. 502 af 23. maj 2018 (Danish Data Protection Act)' },
  'ES-LOPDGDD': { title: 'Ley Orgánica 3/2018, de Protección de Datos Personales y garantía de los derechos digitales (Spanish Data Protection Act)' },
  'FI-TSL': { title: 'Tietosuojalaki (1050/2018) (Finnish Data Protection Act)' },
  'FR-LIL': { title: 'Loi n° 78-17 du 6 janvier 1978 relative à l\'informatique, aux fichiers et aux libertés (French Data Protection Act)' },
  'GR-4624-2019': { title: 'Νόμος 4624/2019 (Greek Data Protection Act)' },
  'HR-ZPOUZOP': { title: 'Zakon o provedbi Opće uredbe o zaštiti podataka, NN 42/2018 (Croatian Act implementing the GDPR)' },
  'HU-INFOTV': { title: '2011. évi CXII. törvény az információs önrendelkezési jogról és az információszabadságról (Hungarian Information Act)' },
  'IE-DPA': { title: 'Data Protection Act 2018 (Irish Data Protection Act)' },
  'IS-PVL': { title: 'Lög nr. 90/2018 um persónuvernd og vinnslu persónuupplýsinga (Icelandic Data Protection Act)' },
  'IT-CODICE': { title: 'Decreto legislativo 30 giugno 2003, n. 196, Codice in materia di protezione dei dati personali (Italian Personal Data Protection Code)' },
  'LI-DSG': { title: 'Datenschutzgesetz (DSG) vom 4. Oktober 2018 (Liechtenstein Data Protection Act)' },
  'LU-LOI-2018': { title: 'Loi du 1er août 2018 portant organisation de la Commission nationale pour la protection des données et du régime général sur la protection des données (Luxembourg Data Protection Act)' },
  'MT-DPA': { title: 'Data Protection Act, Cap. 586 (Maltese Data Protection Act)' },
  'NL-UAVG': { title: 'Uitvoeringswet Algemene verordening gegevensbescherming (Dutch GDPR Implementation Act)' },
  'NO-POL': { title: 'Lov om behandling av personopplysninger (personopplysningsloven), LOV-2018-06-15-38 (Norwegian Personal Data Act)' },
  'PL-UODO-2018': { title: 'Ustawa z dnia 10 maja 2018 r. o ochronie danych osobowych (Polish Personal Data Protection Act)' },
  'PT-LEI-58-2019': { title: 'Lei n.º 58/2019, de 8 de agosto (Portuguese Act implementing the GDPR)' },
  'RO-LEGEA-190-2018': { title: 'Legea nr. 190/2018 (Romanian Act implementing the GDPR)' },
  'SI-ZVOP-2': { title: 'Zakon o varstvu osebnih podatkov (ZVOP-2), Uradni list RS, št. 163/22 (Slovenian Personal Data Protection Act)' },
  'SK-ZOOU': { title: 'Zákon č. 18/2018 Z. z. o ochrane osobných údajov (Slovak Personal Data Protection Act)' },
};
