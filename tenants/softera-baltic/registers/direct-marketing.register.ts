import { Register } from '@regula/engine';
import { assumed, law, notice } from '../refs';
import {
  contactDataFields, courtsAndAuthorities, dpiaNotRequired, itServiceProviders, location,
  noAutomatedDecisions, noticeSecurity, otherThirdParties, processorTransfer,
} from './common';

/** Direct marketing and information about new products: sections 3, 4 and 5. */
export const directMarketingRegister: Register = {
  id: 'direct-marketing',
  name: { lt: 'Tiesioginė rinkodara', en: 'Direct marketing' },
  businessFunction: { lt: 'Rinkodara', en: 'Marketing' },
  description: {
    lt: 'Reklaminės informacijos (naujienų, pasiūlymų, akcijų) ir bendros informacijos apie naujus produktus bei paslaugas siuntimas asmenims, davusiems sutikimą, ir jų sutikimų bei atsisakymų apskaita.',
    en: 'Sending advertising (news, offers, promotions) and general information about new products and services to persons who have consented, and keeping track of their consents and refusals.',
  },
  purposes: [
    {
      id: 'direct-marketing',
      name: { lt: 'Tiesioginė rinkodara', en: 'Direct marketing' },
      description: {
        lt: 'Naujienų, pasiūlymų, akcijų ir informacijos apie naujus produktus bei paslaugas siuntimas, kol asmuo neatsisakė tokių pranešimų.',
        en: 'Sending news, offers, promotions and information about new products and services until the person unsubscribes.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            lt: 'Asmuo davė sutikimą gauti reklaminę informaciją; sutikimą galima bet kada atšaukti.',
            en: 'The person has consented to receive advertising; the consent can be withdrawn at any time.',
          },
          ref: [
            notice('s3', 'consent is the notice’s own example: "for receiving advertising information"'),
            law('LT-ERI', undefined, 'e-mail marketing requires prior consent under the Law on Electronic Communications'),
          ],
        },
      ],
      categories: ['marketing-contact', 'marketing-preferences'],
      directMarketing: true,
      ref: [notice('s5')],
    },
  ],
  subjects: [
    {
      id: 'clients',
      kind: 'client',
      name: { lt: 'Klientai, davę sutikimą gauti reklamą', en: 'Clients who consented to marketing' },
      ref: [notice('s4')],
    },
    {
      id: 'prospects',
      kind: 'prospect',
      name: { lt: 'Kiti asmenys, davę sutikimą gauti reklamą', en: 'Other persons who consented to marketing' },
      ref: [notice('s2', 'the notice’s "Client" includes persons intending to use the services')],
    },
  ],
  dataCategories: [
    {
      id: 'marketing-contact',
      name: { lt: 'Kontaktiniai duomenys rinkodarai', en: 'Contact data for marketing' },
      fields: contactDataFields,
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s4')],
    },
    {
      id: 'marketing-preferences',
      name: { lt: 'Sutikimai ir atsisakymai', en: 'Consents and refusals' },
      fields: {
        lt: 'Informacija apie sutikimą ar atsisakymą gauti reklaminę informaciją (naujienas, pasiūlymus, akcijas), dalyvauti nuomonės apklausose ir leisti naudoti duomenis; sutikimo davimo ar atšaukimo data ir būdas.',
        en: 'Whether the person consented to or refused advertising (news, offers, promotions), participation in opinion polls and use of data; when and how consent was given or withdrawn.',
      },
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s4'), law('GDPR', 'Art. 7(1)'), assumed('s4', 'date and means of consent added by Regula: needed to demonstrate consent')],
    },
  ],
  sources: [
    {
      id: 'data-subject',
      kind: 'data-subject',
      description: {
        lt: 'Asmuo pats pateikia duomenis ir sutikimą, pvz., svetainėje, sutartyje ar kitame dokumente.',
        en: 'The person provides the data and the consent, e.g. on the website, in a contract or in another document.',
      },
      ref: [notice('s6')],
    },
  ],
  recipients: [itServiceProviders, courtsAndAuthorities, otherThirdParties],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'marketing-contact-until-withdrawal',
      kind: 'conditions',
      categories: ['marketing-contact'],
      description: {
        lt: 'Kontaktiniai duomenys rinkodarai tvarkomi, kol asmuo neatšaukė sutikimo, ir ištrinami jį atšaukus.',
        en: 'Contact data for marketing are used until the person withdraws consent and are erased when it is withdrawn.',
      },
      conditions: [
        {
          id: 'consent-in-force',
          label: { lt: 'Sutikimas neatšauktas', en: 'Consent has not been withdrawn' },
          endsAt: 'consent-withdrawn',
          ref: [notice('s5', '"if you have not unsubscribed"'), notice('s9')],
        },
      ],
      then: { days: 0 },
      action: 'erase',
      ref: [assumed('s7', 'the notice sets no period: kept until consent is withdrawn, Regula’s default')],
    },
    {
      id: 'consent-evidence',
      kind: 'conditions',
      categories: ['marketing-preferences'],
      description: {
        lt: 'Sutikimų ir atsisakymų įrašai saugomi, kol sutikimas galioja, ir dar 3 metus po jo atšaukimo, kad bendrovė galėtų įrodyti, jog sutikimas buvo gautas, ir nesiųstų reklamos atsisakiusiems asmenims.',
        en: 'Records of consents and refusals are kept while the consent is in force and for 3 years after it is withdrawn, so that the Company can prove the consent and does not send advertising to persons who refused it.',
      },
      conditions: [
        {
          id: 'consent-and-claims',
          label: {
            lt: 'Sutikimas galioja arba nėra suėjęs 3 metų ieškinio senaties terminas po jo atšaukimo',
            en: 'The consent is in force or the 3-year limitation period after its withdrawal has not expired',
          },
          endsAt: 'consent-withdrawn',
          plus: { years: 3 },
          ref: [
            law('GDPR', 'Art. 7(1)'),
            law('LT-CIVIL-CODE', 'Art. 1.125(8)'),
            assumed('s7', 'the notice sets no period: the 3-year limitation period for damages claims applied by Regula'),
          ],
        },
      ],
      then: { days: 0 },
      action: 'erase',
      ref: [assumed('s7', 'the notice sets no period: 3 years after withdrawal is Regula’s default')],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Sutikimu pagrįsta tiesioginė rinkodara be profiliavimo; didelio pavojaus požymių nėra.',
    en: 'Consent-based direct marketing without profiling; no indicator of high risk.',
  }),
  systems: ['crm', 'newsletter-tool'],
  ref: [notice('s3'), notice('s4'), notice('s5')],
};
