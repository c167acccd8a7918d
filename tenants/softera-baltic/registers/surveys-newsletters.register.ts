import { Register } from '@regula/engine';
import { assumed, law, notice } from '../refs';
import {
  dpiaNotRequired, itServiceProviders, location, noAutomatedDecisions, noticeSecurity, processorTransfer,
} from './common';

/** Opinion polls and newsletters: section 4 ("other data") and the consents it lists. */
export const surveysNewslettersRegister: Register = {
  id: 'surveys-newsletters',
  name: { lt: 'Apklausos ir naujienlaiškiai', en: 'Surveys and newsletters' },
  businessFunction: { lt: 'Rinkodara', en: 'Marketing' },
  description: {
    lt: 'Naujienlaiškių siuntimas juos užsiprenumeravusiems asmenims ir nuomonės apklausų vykdymas su sutikusiais dalyvauti asmenimis.',
    en: 'Sending newsletters to subscribers and running opinion polls with persons who agreed to take part.',
  },
  purposes: [
    {
      id: 'newsletter',
      name: { lt: 'Naujienlaiškių siuntimas', en: 'Sending newsletters' },
      description: {
        lt: 'Naujienlaiškių su bendrovės naujienomis, pasiūlymais ir informacija apie produktus siuntimas prenumeratoriams.',
        en: 'Sending subscribers newsletters with the Company’s news, offers and product information.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            lt: 'Prenumeratorius davė sutikimą gauti naujienlaiškius; jį galima bet kada atšaukti.',
            en: 'The subscriber consented to receive newsletters; the consent can be withdrawn at any time.',
          },
          ref: [notice('s3'), notice('s4'), law('LT-ERI', undefined, 'e-mail marketing requires prior consent')],
        },
      ],
      categories: ['subscriber-data'],
      directMarketing: true,
      ref: [notice('s4'), notice('s5')],
    },
    {
      id: 'opinion-polls',
      name: { lt: 'Nuomonės apklausos', en: 'Opinion polls' },
      description: {
        lt: 'Klientų nuomonės apie bendrovės paslaugas ir produktus rinkimas ir apibendrinimas.',
        en: 'Collecting and summarising clients’ opinions about the Company’s services and products.',
      },
      legalBases: [
        {
          article: '6(1)(a)',
          description: {
            lt: 'Asmuo davė sutikimą dalyvauti apklausoje; dalyvavimas savanoriškas.',
            en: 'The person gave consent to take part in the poll; taking part is voluntary.',
          },
          ref: [notice('s3'), notice('s4', 'consent to "participation in opinion polls"')],
        },
      ],
      categories: ['survey-data'],
      ref: [notice('s4')],
    },
  ],
  subjects: [
    {
      id: 'subscribers',
      kind: 'newsletter-subscriber',
      name: { lt: 'Naujienlaiškių prenumeratoriai', en: 'Newsletter subscribers' },
      ref: [notice('s4')],
    },
    {
      id: 'survey-participants',
      kind: 'survey-participant',
      name: { lt: 'Apklausų dalyviai', en: 'Survey participants' },
      ref: [notice('s4')],
    },
  ],
  dataCategories: [
    {
      id: 'subscriber-data',
      name: { lt: 'Prenumeratoriaus duomenys', en: 'Subscriber data' },
      fields: {
        lt: 'El. pašto adresas, vardas ir pavardė, prenumeratos data.',
        en: 'E-mail address, name and surname, date of subscription.',
      },
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s4', '"information about newsletter subscribers"'), assumed('s4', 'fields inferred from the main client data')],
    },
    {
      id: 'survey-data',
      name: { lt: 'Apklausos dalyvio duomenys', en: 'Survey participant data' },
      fields: {
        lt: 'Apklausos atsakymai ir dalyvio pateikti kontaktiniai duomenys.',
        en: 'Answers to the poll and the contact details the participant gives.',
      },
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice('s4', '"information about survey participants"'), assumed('s4', 'fields inferred')],
    },
  ],
  sources: [
    {
      id: 'data-subject',
      kind: 'data-subject',
      description: {
        lt: 'Asmuo pats užsiprenumeruoja naujienlaiškį arba atsako į apklausą.',
        en: 'The person subscribes to the newsletter or answers the poll.',
      },
      ref: [notice('s6')],
    },
  ],
  recipients: [itServiceProviders],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'subscription',
      kind: 'conditions',
      categories: ['subscriber-data'],
      description: {
        lt: 'Prenumeratoriaus duomenys tvarkomi, kol jis neatsisako naujienlaiškio, ir ištrinami jam atsisakius.',
        en: 'Subscriber data are used until the subscriber unsubscribes and are erased when they do.',
      },
      conditions: [
        {
          id: 'subscribed',
          label: { lt: 'Prenumeratorius neatšaukė sutikimo', en: 'The subscriber has not withdrawn consent' },
          endsAt: 'consent-withdrawn',
          ref: [notice('s9', 'right to withdraw consent')],
        },
      ],
      then: { days: 0 },
      action: 'erase',
      ref: [assumed('s7', 'the notice sets no period: kept until consent is withdrawn, Regula’s default')],
    },
    {
      id: 'survey-answers',
      kind: 'period',
      categories: ['survey-data'],
      description: {
        lt: 'Apklausų duomenys nuasmeninami praėjus 1 metams nuo jų surinkimo; apibendrinti rezultatai gali būti saugomi toliau.',
        en: 'Survey data are anonymised 1 year after collection; aggregated results may be kept.',
      },
      anchor: 'collected',
      period: { years: 1 },
      action: 'anonymise',
      ref: [assumed('s7', 'the notice sets no period: anonymised after 1 year, chosen by Regula')],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Sutikimu pagrįsti naujienlaiškiai ir apklausos; didelio pavojaus požymių nėra.',
    en: 'Consent-based newsletters and polls; no indicator of high risk.',
  }),
  systems: ['newsletter-tool'],
  ref: [notice('s4')],
};
