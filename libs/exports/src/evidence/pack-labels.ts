import type { Lang } from '@regula/engine';

/**
 * The headings of the evidence pack's tables, per language (the pack's tables
 * are written in the controller's first language, like its record): the
 * per-request log, the request statistics, the processors with their
 * contracts (GDPR Art. 28(3)) and the DPIAs (Art. 35). Coded values (request
 * types, states, event kinds, channels) are written in words too (PackWords);
 * the pack's JSON files keep the codes, for a machine.
 */
export interface PackLabels {
  requestLog: [string, string, string, string, string, string, string, string, string, string, string, string, string];
  /** The statistics' columns, in the order of request-stats.ts's COLUMNS. */
  statistics: [string, string, string, string, string, string, string, string, string, string, string, string];
  /** The statistics' last row: every type together. */
  allTypes: string;
  processors: [string, string, string, string, string];
  dpias: [string, string, string, string, string];
  yes: string;
  no: string;
}

export const PACK_LABELS: Record<Lang, PackLabels> = {
  en: {
    requestLog: ['Reference', 'Type', 'Channel', 'Received', 'Identity confirmed', 'Extended', 'Due', 'Answered', 'State now', 'Event time', 'Event', 'State before', 'State after'],
    statistics: ['Type', 'Received', 'Answered', 'Completed', 'Refused', 'Withdrawn', 'Open', 'Median days to answer', 'Answered on time', 'Share answered on time', 'Extended (Art. 12(3))', 'Refusals (Art. 12(4), 12(5))'],
    allTypes: 'All types',
    processors: ['Processing activity', 'Processor', 'Contract reference (Art. 28(3))', 'Data-processing agreement', 'Country'],
    dpias: ['Processing activity', 'DPIA required (Art. 35)', 'DPIA status', 'Reason', 'Link to the assessment'],
    yes: 'yes',
    no: 'no',
  },
  et: {
    requestLog: ['Viide', 'Liik', 'Kanal', 'Saabus', 'Isikusamasus kinnitatud', 'Pikendatud', 'Tähtaeg', 'Vastatud', 'Praegune seis', 'Sündmuse aeg', 'Sündmus', 'Seis enne', 'Seis pärast'],
    statistics: ['Liik', 'Saabunud', 'Vastatud', 'Täidetud', 'Keeldutud', 'Tagasi võetud', 'Avatud', 'Vastamise aja mediaan päevades', 'Tähtaegselt vastatud', 'Tähtaegselt vastatute osakaal', 'Pikendatud (art 12 lg 3)', 'Keeldumised (art 12 lg 4 ja 5)'],
    allTypes: 'Kõik liigid',
    processors: ['Isikuandmete töötlemise toiming', 'Volitatud töötleja', 'Lepingu viide (art 28 lg 3)', 'Andmetöötlusleping', 'Riik'],
    dpias: ['Isikuandmete töötlemise toiming', 'Mõjuhinnang nõutav (art 35)', 'Mõjuhinnangu seis', 'Põhjendus', 'Viide hinnangule'],
    yes: 'jah',
    no: 'ei',
  },
  lt: {
    requestLog: ['Numeris', 'Rūšis', 'Kanalas', 'Gauta', 'Tapatybė patvirtinta', 'Pratęsta', 'Terminas', 'Atsakyta', 'Dabartinė būsena', 'Įvykio laikas', 'Įvykis', 'Būsena prieš', 'Būsena po'],
    statistics: ['Rūšis', 'Gauta', 'Atsakyta', 'Įvykdyta', 'Atsisakyta', 'Atšaukta', 'Neužbaigta', 'Atsakymo laiko mediana dienomis', 'Atsakyta laiku', 'Laiku atsakytų dalis', 'Pratęsta (12 straipsnio 3 dalis)', 'Atsisakymai (12 straipsnio 4 ir 5 dalys)'],
    allTypes: 'Visos rūšys',
    processors: ['Duomenų tvarkymo veikla', 'Duomenų tvarkytojas', 'Sutarties nuoroda (28 straipsnio 3 dalis)', 'Duomenų tvarkymo sutartis', 'Šalis'],
    dpias: ['Duomenų tvarkymo veikla', 'Poveikio vertinimas būtinas (35 straipsnis)', 'Poveikio vertinimo būsena', 'Priežastis', 'Nuoroda į vertinimą'],
    yes: 'taip',
    no: 'ne',
  },
  lv: {
    requestLog: ['Numurs', 'Veids', 'Kanāls', 'Saņemts', 'Identitāte apstiprināta', 'Pagarināts', 'Termiņš', 'Atbildēts', 'Pašreizējais stāvoklis', 'Notikuma laiks', 'Notikums', 'Stāvoklis pirms', 'Stāvoklis pēc'],
    statistics: ['Veids', 'Saņemti', 'Atbildēti', 'Izpildīti', 'Atteikti', 'Atsaukti', 'Atvērti', 'Atbildes laika mediāna dienās', 'Atbildēti laikā', 'Laikā atbildēto daļa', 'Pagarināti (12. panta 3. punkts)', 'Atteikumi (12. panta 4. un 5. punkts)'],
    allTypes: 'Visi veidi',
    processors: ['Apstrādes darbība', 'Apstrādātājs', 'Līguma atsauce (28. panta 3. punkts)', 'Datu apstrādes līgums', 'Valsts'],
    dpias: ['Apstrādes darbība', 'Novērtējums nepieciešams (35. pants)', 'Novērtējuma statuss', 'Pamatojums', 'Saite uz novērtējumu'],
    yes: 'jā',
    no: 'nē',
  },
  sv: {
    requestLog: ['Referens', 'Typ', 'Kanal', 'Mottagen', 'Identitet bekräftad', 'Förlängd', 'Förfaller', 'Besvarad', 'Status nu', 'Tidpunkt', 'Händelse', 'Status före', 'Status efter'],
    statistics: ['Typ', 'Mottagna', 'Besvarade', 'Slutförda', 'Avslagna', 'Återkallade', 'Öppna', 'Median antal dagar till svar', 'Besvarade i tid', 'Andel besvarade i tid', 'Förlängda (art. 12.3)', 'Avslag (art. 12.4 och 12.5)'],
    allTypes: 'Alla typer',
    processors: ['Behandling', 'Personuppgiftsbiträde', 'Avtalsreferens (art. 28.3)', 'Personuppgiftsbiträdesavtal', 'Land'],
    dpias: ['Behandling', 'Konsekvensbedömning krävs (art. 35)', 'Konsekvensbedömningens status', 'Motivering', 'Länk till bedömningen'],
    yes: 'ja',
    no: 'nej',
  },
};
