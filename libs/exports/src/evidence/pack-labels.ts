import type { Lang } from '@regula/engine';

/**
 * The headings of the evidence pack's oversight tables, per language (the
 * pack's tables are written in the controller's first language, like its
 * record): the per-request log, the processors with their contracts (GDPR Art.
 * 28(3)) and the DPIAs (Art. 35). Coded values (request types, states, event
 * kinds, channels) stay codes, as in the pack's JSON files and statistics.
 */
export interface PackLabels {
  requestLog: [string, string, string, string, string, string, string, string, string, string, string, string, string];
  processors: [string, string, string, string, string];
  dpias: [string, string, string, string, string];
  yes: string;
  no: string;
}

export const PACK_LABELS: Record<Lang, PackLabels> = {
  en: {
    requestLog: ['Reference', 'Type', 'Channel', 'Received', 'Identity confirmed', 'Extended', 'Due', 'Answered', 'State now', 'Event time', 'Event', 'State before', 'State after'],
    processors: ['Processing activity', 'Processor', 'Contract reference (Art. 28(3))', 'Data-processing agreement', 'Country'],
    dpias: ['Processing activity', 'DPIA required (Art. 35)', 'DPIA status', 'Reason', 'Link to the assessment'],
    yes: 'yes',
    no: 'no',
  },
  et: {
    requestLog: ['Viide', 'Liik', 'Kanal', 'Saabus', 'Isikusamasus kinnitatud', 'Pikendatud', 'Tähtaeg', 'Vastatud', 'Praegune seis', 'Sündmuse aeg', 'Sündmus', 'Seis enne', 'Seis pärast'],
    processors: ['Isikuandmete töötlemise toiming', 'Volitatud töötleja', 'Lepingu viide (art 28 lg 3)', 'Andmetöötlusleping', 'Riik'],
    dpias: ['Isikuandmete töötlemise toiming', 'Mõjuhinnang nõutav (art 35)', 'Mõjuhinnangu seis', 'Põhjendus', 'Viide hinnangule'],
    yes: 'jah',
    no: 'ei',
  },
  lt: {
    requestLog: ['Numeris', 'Rūšis', 'Kanalas', 'Gauta', 'Tapatybė patvirtinta', 'Pratęsta', 'Terminas', 'Atsakyta', 'Dabartinė būsena', 'Įvykio laikas', 'Įvykis', 'Būsena prieš', 'Būsena po'],
    processors: ['Duomenų tvarkymo veikla', 'Duomenų tvarkytojas', 'Sutarties nuoroda (28 straipsnio 3 dalis)', 'Duomenų tvarkymo sutartis', 'Šalis'],
    dpias: ['Duomenų tvarkymo veikla', 'Poveikio vertinimas būtinas (35 straipsnis)', 'Poveikio vertinimo būsena', 'Priežastis', 'Nuoroda į vertinimą'],
    yes: 'taip',
    no: 'ne',
  },
  lv: {
    requestLog: ['Numurs', 'Veids', 'Kanāls', 'Saņemts', 'Identitāte apstiprināta', 'Pagarināts', 'Termiņš', 'Atbildēts', 'Pašreizējais stāvoklis', 'Notikuma laiks', 'Notikums', 'Stāvoklis pirms', 'Stāvoklis pēc'],
    processors: ['Apstrādes darbība', 'Apstrādātājs', 'Līguma atsauce (28. panta 3. punkts)', 'Datu apstrādes līgums', 'Valsts'],
    dpias: ['Apstrādes darbība', 'Novērtējums nepieciešams (35. pants)', 'Novērtējuma statuss', 'Pamatojums', 'Saite uz novērtējumu'],
    yes: 'jā',
    no: 'nē',
  },
  sv: {
    requestLog: ['Referens', 'Typ', 'Kanal', 'Mottagen', 'Identitet bekräftad', 'Förlängd', 'Förfaller', 'Besvarad', 'Status nu', 'Tidpunkt', 'Händelse', 'Status före', 'Status efter'],
    processors: ['Behandling', 'Personuppgiftsbiträde', 'Avtalsreferens (art. 28.3)', 'Personuppgiftsbiträdesavtal', 'Land'],
    dpias: ['Behandling', 'Konsekvensbedömning krävs (art. 35)', 'Konsekvensbedömningens status', 'Motivering', 'Länk till bedömningen'],
    yes: 'ja',
    no: 'nej',
  },
};
