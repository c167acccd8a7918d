import { Register } from '@regula/engine';
import { assumed, law, notice } from '../refs';
import {
  courtsAndAuthorities, dpiaNotRequired, itServiceProviders, location, noAutomatedDecisions,
  noticeSecurity, processorTransfer,
} from './common';

/** Website administration, improvement and security, with the login information of section 2. */
export const websiteRegister: Register = {
  id: 'website',
  name: { lt: 'Svetainės administravimas ir saugumas', en: 'Website administration and security' },
  businessFunction: { lt: 'IT ir svetainės priežiūra', en: 'IT and website operations' },
  description: {
    lt: 'Bendrovės svetainės ir savitarnos svetainių administravimas, tobulinimas, saugumo užtikrinimas ir veiksmingas turinio pateikimas lankytojo įrenginyje, naudojant prisijungimo informaciją.',
    en: 'Administering and improving the Company’s website and self-service websites, keeping them secure and presenting their content efficiently on the visitor’s device, using login information.',
  },
  purposes: [
    {
      id: 'website-operation',
      name: { lt: 'Svetainės administravimas, tobulinimas ir saugumas', en: 'Website administration, improvement and security' },
      description: {
        lt: 'Svetainės veikimo užtikrinimas, klaidų šalinimas, saugumo incidentų prevencija ir tyrimas, turinio pritaikymas lankytojo įrenginiui.',
        en: 'Keeping the website running, fixing faults, preventing and investigating security incidents, adapting content to the visitor’s device.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            lt: 'Tvarkyti duomenis būtina siekiant teisėto bendrovės intereso, o lankytojo interesai nėra už jį viršesni.',
            en: 'Processing is necessary for a legitimate interest of the Company that is not overridden by the visitor’s interests.',
          },
          legitimateInterest: {
            lt: 'Užtikrinti, kad svetainė veiktų patikimai ir saugiai, o jos turinys būtų tinkamai pateikiamas lankytojų įrenginiuose.',
            en: 'Keeping the website reliable and secure and presenting its content properly on visitors’ devices.',
          },
          ref: [notice('s3'), assumed('s5', 'basis mapped by Regula, and the legitimate interest written by Regula: the notice describes none')],
        },
      ],
      categories: ['login-information'],
      ref: [notice('s5')],
    },
  ],
  subjects: [
    {
      id: 'website-visitors',
      kind: 'website-visitor',
      name: { lt: 'Svetainės ir savitarnos svetainių lankytojai', en: 'Visitors of the website and self-service websites' },
      mayIncludeChildren: true,
      ref: [notice('s4'), notice('s6')],
      fieldRefs: { mayIncludeChildren: [assumed('s6', 'the website is public, so visitors may include children')] },
    },
  ],
  dataCategories: [
    {
      id: 'login-information',
      name: { lt: 'Prisijungimo informacija', en: 'Login information' },
      fields: {
        lt: 'IP adresas ir interneto paslaugų teikėjas, naršyklės tipas ir versija, laiko juostos nustatymai, naršyklės plėtinių tipai ir versijos, operacinė sistema ir platforma, prisijungimo vieta, šrifto koduotė, URL adresas, peržiūrėti produktai.',
        en: 'IP address and internet service provider, browser type and version, time zone settings, browser extension types and versions, operating system and platform, connection location, font encoding, URL, products viewed.',
      },
      required: false,
      providedBySubject: false,
      sources: ['visitor-device'],
      ref: [notice('s2'), notice('s6')],
    },
  ],
  sources: [
    {
      id: 'visitor-device',
      kind: 'browser-or-device',
      description: {
        lt: 'Duomenys automatiškai gaunami iš lankytojo naršyklės ir įrenginio, kai jis naudojasi svetaine.',
        en: 'Recorded automatically from the visitor’s browser and device while the website is used.',
      },
      ref: [notice('s6')],
    },
  ],
  recipients: [itServiceProviders, courtsAndAuthorities],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'login-logs',
      kind: 'period',
      categories: ['login-information'],
      description: {
        lt: 'Prisijungimo informacija saugoma 1 metus nuo jos užfiksavimo.',
        en: 'Login information is kept for 1 year from when it is recorded.',
      },
      anchor: 'collected',
      period: { years: 1 },
      action: 'erase',
      ref: [assumed('s7', 'the notice sets no period: 1 year, Regula’s default, lets security incidents be investigated')],
    },
  ],
  security: [
    ...noticeSecurity,
    {
      id: 'authenticated-areas',
      type: 'technical',
      control: 'access-control',
      description: {
        lt: 'Į apsaugotas svetainės ir savitarnos dalis patenkama tik patvirtinus naudotojo tapatybę; ryšio saugumą ir autentifikavimą užtikrina būtinasis seanso slapukas.',
        en: 'Protected areas of the website and self-service are reached only after user authentication; a strictly necessary session cookie secures the communication and the authentication.',
      },
      ref: [notice('s12'), notice('s13', 'cookie fcsft')],
    },
  ],
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Įprasti svetainės žurnalai; didelio pavojaus požymių nėra.',
    en: 'Ordinary website logs; no indicator of high risk.',
  }),
  systems: ['website'],
  ref: [notice('s2'), notice('s5'), notice('s6'), law('GDPR', 'Art. 32')],
};
