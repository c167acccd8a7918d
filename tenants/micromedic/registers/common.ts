import { Dpia, Recipient, SecurityMeasure, Text } from '@regula/engine';
import { H, assumed, notice } from '../refs';

/**
 * Recipients and security measures the notice states once for all processing
 * (section "Grunder för vår behandling, mottagare av personuppgifter och rensning").
 */

/** External cloud service providers acting as processors. */
export function cloudProviders(): Recipient {
  return {
    id: 'cloud-providers',
    kind: 'processor',
    name: { en: 'External cloud service providers', sv: 'Externa molntjänstleverantörer' },
    description: {
      en: 'Store part of the data on our behalf as our processors and process it solely under our instructions and requirements.',
      sv: 'Lagrar en del av uppgifterna för vår räkning som våra personuppgiftsbiträden och behandlar dem uteslutande enligt våra instruktioner och krav.',
    },
    dpa: true,
    country: 'unknown',
    ref: [
      notice(H.grounds, 'the providers are "vårt personuppgiftsbiträde" processing "uteslutande enligt våra instruktioner"'),
      assumed(
        H.grounds,
        'dpa: an Art. 28 agreement is inferred from processing "uteslutande enligt våra instruktioner och krav"; the notice names neither the providers nor where they store the data, so country is recorded as unknown',
      ),
    ],
  };
}

/** Data on local hardware: staff only. */
export const LOCAL_STAFF_ONLY: SecurityMeasure = {
  id: 'local-staff-only',
  type: 'technical',
  control: 'access-control',
  description: {
    en: 'Data held in systems on hardware installed at our own premises can be accessed by our own staff only.',
    sv: 'Uppgifter i system som lagras i hårdvara installerad i våra egna lokaler är åtkomliga endast för vår egen personal.',
  },
  ref: [notice(H.grounds)],
};

/** Cloud providers bound as processors. */
export const PROCESSOR_INSTRUCTIONS: SecurityMeasure = {
  id: 'processor-instructions',
  type: 'organisational',
  control: 'processor-vetting',
  description: {
    en: 'Cloud service providers hold data only as our processors, on our behalf and solely under our instructions and requirements for the processing.',
    sv: 'Molntjänstleverantörer har tillgång till uppgifter endast som våra personuppgiftsbiträden, för vår räkning och uteslutande enligt våra instruktioner och krav på behandlingen.',
  },
  ref: [notice(H.grounds)],
};

/** Identity verification before acting on contacts about personal data. */
export const IDENTITY_VERIFICATION: SecurityMeasure = {
  id: 'identity-verification',
  type: 'organisational',
  control: 'access-control',
  description: {
    en: 'Before we act on a contact concerning personal data we take reasonable steps to verify the identity of the person, so that nobody else can exercise the rights to the data subject\'s detriment.',
    sv: 'Innan vi agerar på en kontakt som rör personuppgifter vidtar vi rimliga åtgärder för att kontrollera personens identitet, så att ingen annan kan utöva rättigheterna till skada för den registrerade.',
  },
  ref: [notice(H.controller), notice(H.access)],
};

/** Cookie data handled anonymously at an aggregated level (own systems). */
export const AGGREGATED_ANALYSIS: SecurityMeasure = {
  id: 'aggregated-analysis',
  type: 'technical',
  control: 'pseudonymisation',
  description: {
    en: 'Data collected through cookies is analysed in our own systems, mainly anonymously and at an aggregated level.',
    sv: 'Uppgifter som samlas in genom cookies analyseras i våra egna system, huvudsakligen anonymt och på aggregerad nivå.',
  },
  ref: [notice(H.grounds, '"främst ... anonymt på aggregerad nivå": aggregation is the stated measure, so the text says "mainly" and claims no anonymity beyond it')],
};

/** The security measures every register shares. */
export const BASE_SECURITY: SecurityMeasure[] = [LOCAL_STAFF_ONLY, PROCESSOR_INSTRUCTIONS, IDENTITY_VERIFICATION];

/** Where the data is held, as the notice describes it. */
export const LOCATION: Text = {
  en: 'Micromedic AB\'s sales system and customer database, partly on hardware installed at its own premises and partly with external cloud service providers.',
  sv: 'Micromedic AB:s försäljningssystem och kunddatabas, delvis i hårdvara installerad i bolagets egna lokaler och delvis hos externa molntjänstleverantörer.',
};

/** No DPIA: the reason is given per register; an assessment by Regula the controller must confirm. */
export function noDpia(reason: Text): Dpia {
  return {
    required: false,
    status: 'not-required',
    reason,
    ref: [
      assumed(H.grounds, 'the notice says nothing about impact assessments: "not required" is Regula\'s assessment against Art. 35(1) and (3)'),
      { source: 'GDPR', at: 'Art. 35(1), (3)' },
    ],
  };
}

/**
 * The contact information shared with the parent Ortomedic AS ("Samarbeten"),
 * as both the group company's sharing and the group-sharing register state it.
 */
export const SHARED_CONTACT_FIELDS: Text = {
  en: 'Name, telephone number, e-mail address and work address.',
  sv: 'Namn, telefonnummer, e-postadress och arbetsadress.',
};
