import { Register } from '@regula/engine';
import { NECESSARY_FOR_LEGITIMATE_INTERESTS } from '../common/legal-bases';
import { processors } from '../common/recipients';
import { securityMeasures } from '../common/security';
import { assumed, clause, clauses, NO_DPIA_ASSUMED, registerFieldRefs, t } from '../common/text';

/** Statistics and market analysis on client data (clause 11). */
export const statisticsRegister: Register = {
  id: 'statistics',
  name: t('Statistika un tirgus analīze', 'Statistics and market analysis'),
  businessFunction: t('Uzņēmuma attīstība', 'Business development'),
  description: t(
    'Klientu statistisko datu apstrāde tirgus analīzei, biznesa modeļa attīstībai, jaunu pakalpojumu izstrādei un nozares attīstības veicināšanai.',
    'Processing statistical data on clients for market analysis, business-model development, new services and the development of the sector.',
  ),
  purposes: [
    {
      id: 'market-analysis',
      name: t('Tirgus analīze un biznesa attīstība', 'Market analysis and business development'),
      description: t(
        'Klientu datu apkopošana statistikā, lai analizētu tirgu, attīstītu biznesa modeli un piedāvātu Klientiem jaunus pakalpojumus.',
        'Aggregating client data into statistics to analyse the market, develop the business model and offer clients new services.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: NECESSARY_FOR_LEGITIMATE_INTERESTS,
          legitimateInterest: t(
            'Izprast tirgu un attīstīt Inomedis pakalpojumus un biznesa modeli, izmantojot apkopotus klientu datus.',
            'Understanding the market and developing Inomedis\'s services and business model from aggregated client data.',
          ),
          ref: [clause('11'), assumed('14', 'legal basis mapped by Regula: the notice ties no basis to statistics; legitimate interest chosen from the bases clause 14 lists')],
        },
      ],
      categories: ['client-statistics'],
      ref: clauses('11'),
    },
  ],
  subjects: [
    {
      id: 'clients',
      kind: 'client',
      name: t('Klienti', 'Clients'),
      ref: clauses('2.1', '11'),
    },
  ],
  dataCategories: [
    {
      id: 'client-statistics',
      name: t('Klientu statistiskie dati', 'Client statistical data'),
      fields: t(
        'Iegādātie produkti un pakalpojumi, to apjoms un laiks, Klienta segments; statistikā izmanto apkopotā veidā.',
        'Products and services bought, their volume and timing, client segment; used in aggregated form in statistics.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['client-register'],
      ref: [clause('11'), assumed('11', 'fields are Regula\'s: the notice says only "statistical data of clients"')],
    },
  ],
  sources: [
    {
      id: 'client-register',
      kind: 'internal-system',
      description: t('Klientu apkalpošanas ieraksti.', 'Client-service records.'),
      ref: clauses('8', '11'),
    },
  ],
  recipients: [processors()],
  transfers: 'none',
  fieldRefs: registerFieldRefs('location assumed: the notice does not say where statistics are held'),
  retention: [
    {
      id: 'statistics-anonymised',
      kind: 'period',
      categories: ['client-statistics'],
      anchor: 'collected',
      period: { years: 2 },
      action: 'anonymise',
      description: t(
        'Statistikai izmantotos datus anonimizē ne vēlāk kā divus gadus pēc to iegūšanas; anonīmā statistika vairs nav personas dati.',
        'Data used for statistics is anonymised at the latest two years after it was collected; anonymous statistics are no longer personal data.',
      ),
      ref: [clause('29.3'), assumed('29.3', 'period chosen by Regula: anonymisation two years after collection; the notice sets no period for statistics')],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [clause('11', 'aggregate statistics take no decision about a client')],
  },
  location: t('Inomedis informācijas sistēmas.', 'Inomedis\'s information systems.'),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t('Apkopota statistika bez lēmumiem par konkrētām personām.', 'Aggregated statistics with no decisions about individuals.'),
    ref: [assumed('11', NO_DPIA_ASSUMED), { source: 'GDPR', at: 'Art. 35' }],
  },
  systems: ['crm'],
  ref: clauses('11'),
};
