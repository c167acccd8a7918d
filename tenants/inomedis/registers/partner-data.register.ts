import { Register } from '@regula/engine';
import { authorities, processors } from '../common/recipients';
import { consentNotWithdrawn } from '../common/retention';
import { securityMeasures } from '../common/security';
import { assumed, clause, clauses, NO_DPIA_ASSUMED, registerFieldRefs, t } from '../common/text';

/**
 * Personal data received from third parties and partner companies with the
 * client's prior consent (clauses 27-28). The notice names neither the
 * companies nor the data, so the categories are generic.
 */
export const partnerDataRegister: Register = {
  id: 'partner-data',
  name: t('No partneriem saņemtie dati', 'Data received from partners'),
  businessFunction: t('Sadarbība ar partneriem', 'Partnerships'),
  description: t(
    'No trešajām personām, citiem uzņēmumiem un partneruzņēmumiem saņemto Klientu personas datu apstrāde, ja Klients tam iepriekš piekritis.',
    'Processing client data received from third parties, other companies and partner companies where the client has consented beforehand.',
  ),
  purposes: [
    {
      id: 'partner-data',
      name: t('Partneru nodoto datu izmantošana', 'Use of data passed on by partners'),
      description: t(
        'No partneriem saņemto datu izmantošana Klientu apkalpošanai un piedāvājumiem tādā apjomā, kādam Klients ir piekritis.',
        'Using data received from partners for client service and offers, within the scope of the client\'s consent.',
      ),
      legalBases: [
        {
          article: '6(1)(a)',
          description: t(
            'Klienta iepriekš sniegta piekrišana, ka Inomedis drīkst saņemt un apstrādāt viņa datus no partneriem.',
            'The client\'s prior consent to Inomedis receiving and processing his or her data from partners.',
          ),
          ref: clauses('27', '28'),
        },
      ],
      categories: ['partner-supplied'],
      ref: clauses('27', '28'),
    },
  ],
  subjects: [
    {
      id: 'clients',
      kind: 'client',
      name: t('Klienti', 'Clients'),
      ref: clauses('2.1', '27', '28'),
    },
  ],
  dataCategories: [
    {
      id: 'partner-supplied',
      name: t('No partneriem saņemtie Klienta dati', 'Client data received from partners'),
      fields: t(
        'Klienta identifikācijas un kontaktinformācija un citi dati, kurus partneris nodod ar Klienta piekrišanu.',
        'The client\'s identification and contact data and other data a partner passes on with the client\'s consent.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['third-parties', 'partners'],
      ref: [clause('27'), clause('28'), assumed('27', 'categories are Regula\'s: the notice does not name the data partners pass on, which Art. 14(1)(d) requires to be told')],
    },
  ],
  sources: [
    {
      id: 'third-parties',
      kind: 'third-party',
      description: t('Trešās personas, ja Klients tam piekritis.', 'Third parties, where the client has consented.'),
      ref: clauses('27'),
    },
    {
      id: 'partners',
      kind: 'partner',
      description: t(
        'Citi uzņēmumi un Inomedis partneruzņēmumi, ja Klients tam iepriekš piekritis.',
        'Other companies and Inomedis\'s partner companies, where the client has consented beforehand.',
      ),
      ref: clauses('28'),
    },
  ],
  recipients: [processors(), authorities()],
  transfers: 'none',
  fieldRefs: registerFieldRefs('location assumed: the notice does not say where data received from partners is held'),
  retention: [
    {
      id: 'partner-data-consent',
      kind: 'conditions',
      categories: ['partner-supplied'],
      description: t(
        'No partneriem saņemtos datus apstrādā, kamēr Klients nav atsaucis piekrišanu; pēc atsaukuma tos dzēš.',
        'Data received from partners is processed until the client withdraws consent; after the withdrawal it is erased.',
      ),
      action: 'erase',
      conditions: [consentNotWithdrawn()],
      then: { days: 0 },
      ref: [clause('29.4', 'the only condition of clause 29 that applies to consent-based data; no grace period')],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: clauses('27', '28'),
  },
  location: t('Inomedis klientu sistēmas.', 'Inomedis\'s client systems.'),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t('Ar piekrišanu saņemti parasti klientu dati.', 'Ordinary client data received with consent.'),
    ref: [assumed('27', NO_DPIA_ASSUMED), { source: 'GDPR', at: 'Art. 35' }],
  },
  systems: ['crm'],
  ref: clauses('27', '28'),
};
