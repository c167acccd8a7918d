import { Register } from '@regula/engine';
import { assumed, law, notice, unknown } from '../refs';
import {
  contactDataFields, courtsAndAuthorities, dpiaNotRequired, itServiceProviders, location,
  noAutomatedDecisions, noticeSecurity, otherThirdParties, processorTransfer,
} from './common';

/** Clients and service provision: sections 3, 4, 5, 6 and 8 of the notice. */
export const clientsRegister: Register = {
  id: 'clients',
  name: { lt: 'Klientai ir paslaugų teikimas', en: 'Clients and service provision' },
  businessFunction: { lt: 'Pardavimai ir paslaugų teikimas', en: 'Sales and service delivery' },
  description: {
    lt: 'Sutarčių su klientais sudarymas ir vykdymas, paslaugų kokybės užtikrinimas, klientų aptarnavimas ir informavimas, bendrovės teisių gynimas ir teisės aktų reikalaujamas informacijos teikimas.',
    en: 'Concluding and performing contracts with clients, ensuring the quality of the services, serving and informing clients, defending the Company’s rights and disclosing information where the law requires it.',
  },
  purposes: [
    {
      id: 'contract',
      name: { lt: 'Sutarties sudarymas ir vykdymas', en: 'Concluding and performing the contract' },
      description: {
        lt: 'Paraiškų ir užsakymų priėmimas, sutarčių sudarymas ir vykdymas, paslaugų teikimas ir prekių tiekimas, klientų aptarnavimas ir informavimas apie jų sutartis.',
        en: 'Receiving applications and orders, concluding and performing contracts, providing services and supplying goods, serving clients and informing them about their contracts.',
      },
      legalBases: [
        {
          article: '6(1)(b)',
          description: {
            lt: 'Tvarkyti duomenis būtina siekiant įvykdyti sutartį, kurios šalis yra klientas, arba kliento prašymu imtis veiksmų prieš sudarant sutartį.',
            en: 'Processing is necessary to perform a contract to which the client is party, or to take steps at the client’s request before entering into it.',
          },
          ref: [notice('s3'), assumed('s5', 'basis mapped by Regula: the notice lists the bases in section 3 without linking them to the purposes of section 5')],
        },
      ],
      categories: ['client-identity', 'contract-documents'],
      ref: [notice('s5')],
    },
    {
      id: 'service-quality',
      name: { lt: 'Paslaugų kokybės užtikrinimas', en: 'Ensuring service quality' },
      description: {
        lt: 'Teikiamų paslaugų ir klientų aptarnavimo kokybės stebėjimas ir gerinimas.',
        en: 'Monitoring and improving the quality of the services and of client service.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            lt: 'Tvarkyti duomenis būtina siekiant teisėto bendrovės intereso, o kliento interesai nėra už jį viršesni.',
            en: 'Processing is necessary for a legitimate interest of the Company that is not overridden by the client’s interests.',
          },
          legitimateInterest: {
            lt: 'Užtikrinti, kad klientams teikiamos paslaugos būtų kokybiškos, ir tobulinti jų aptarnavimą.',
            en: 'Making sure the services provided to clients are of good quality and improving how clients are served.',
          },
          ref: [notice('s3'), assumed('s5', 'basis mapped by Regula, and the legitimate interest written by Regula: the notice describes none (Art. 13(1)(d))')],
        },
      ],
      categories: ['client-identity', 'contract-documents'],
      ref: [notice('s5')],
    },
    {
      id: 'legal-claims',
      name: { lt: 'Bendrovės ir trečiųjų asmenų teisių gynimas', en: 'Protecting the rights of the Company and of third parties' },
      description: {
        lt: 'Teisinių reikalavimų pareiškimas, vykdymas ir gynimas, įskaitant ginčus dėl sutarčių.',
        en: 'Establishing, exercising and defending legal claims, including disputes about contracts.',
      },
      legalBases: [
        {
          article: '6(1)(f)',
          description: {
            lt: 'Tvarkyti duomenis būtina siekiant teisėto bendrovės ar trečiojo asmens intereso, o kliento interesai nėra už jį viršesni.',
            en: 'Processing is necessary for a legitimate interest of the Company or of a third party that is not overridden by the client’s interests.',
          },
          legitimateInterest: {
            lt: 'Apginti bendrovės ir trečiųjų asmenų teises ir teisėtus interesus, įskaitant teisinių reikalavimų pareiškimą ir gynimą.',
            en: 'Protecting the rights and legitimate interests of the Company and of third parties, including establishing and defending legal claims.',
          },
          ref: [notice('s3'), notice('s5', '"protect its own rights and interests as well as those of third parties"'), assumed('s5', 'basis mapped by Regula: the notice does not link bases to purposes')],
        },
      ],
      categories: ['client-identity', 'contract-documents'],
      ref: [notice('s5')],
    },
    {
      id: 'legal-disclosures',
      name: { lt: 'Teisės aktuose nustatytų pareigų vykdymas', en: 'Performing duties imposed by law' },
      description: {
        lt: 'Informacijos teikimas teismams, valstybės ir savivaldybių institucijoms, kai to reikalauja teisės aktai.',
        en: 'Providing information to courts, state and municipal institutions where the law requires it.',
      },
      legalBases: [
        {
          article: '6(1)(c)',
          description: {
            lt: 'Tvarkyti duomenis būtina, kad bendrovė įvykdytų jai taikomą teisinę prievolę.',
            en: 'Processing is necessary for compliance with a legal obligation to which the Company is subject.',
          },
          legalObligation: {
            law: {
              lt: 'Teisės aktai, įpareigojantys teikti informaciją teismams, valstybės ir savivaldybių institucijoms.',
              en: 'Legislation obliging the Company to provide information to courts, state and municipal institutions.',
            },
            ref: [notice('s8', 'the notice names no specific act')],
          },
          ref: [notice('s3'), notice('s5')],
        },
      ],
      categories: ['client-identity', 'contract-documents'],
      ref: [notice('s5'), notice('s8')],
    },
  ],
  subjects: [
    {
      id: 'clients',
      kind: 'client',
      name: { lt: 'Klientai', en: 'Clients' },
      description: {
        lt: 'Asmenys, kurie užsako, perka ar naudoja bendrovės paslaugas ar prekes arba yra kitaip su jomis susiję.',
        en: 'Persons who order, buy or use the Company’s services or goods, or are otherwise connected with them.',
      },
      ref: [notice('s2')],
    },
    {
      id: 'prospects',
      kind: 'prospect',
      name: { lt: 'Potencialūs klientai', en: 'Prospective clients' },
      description: {
        lt: 'Asmenys, išreiškę ketinimą naudotis bendrovės paslaugomis ar įsigyti jos prekių.',
        en: 'Persons who have expressed an intention to use the Company’s services or buy its goods.',
      },
      ref: [notice('s2')],
    },
  ],
  dataCategories: [
    {
      id: 'client-identity',
      name: { lt: 'Pagrindiniai kliento duomenys', en: 'Main client data' },
      fields: contactDataFields,
      required: true,
      providedBySubject: true,
      sources: ['data-subject', 'partners', 'state-authorities'],
      ref: [notice('s4'), notice('s6')],
      fieldRefs: { required: [assumed('s5', '"required" inferred: the data are needed to conclude and perform the contract')] },
    },
    {
      id: 'contract-documents',
      name: { lt: 'Paraiškos, sutartys ir kiti dokumentai', en: 'Applications, contracts and other documents' },
      fields: {
        lt: 'Duomenys, kuriuos klientas pateikia pildydamas paraiškas, sutartis ir kitus dokumentus, taip pat per bendrovės partnerius.',
        en: 'Data the client gives in applications, contracts and other documents, including those filled in through the Company’s partners.',
      },
      required: true,
      providedBySubject: true,
      sources: ['data-subject', 'partners'],
      ref: [assumed('s6', 'category inferred from the collection methods; section 4 does not list it, and "required" is inferred too')],
    },
  ],
  sources: [
    {
      id: 'data-subject',
      kind: 'data-subject',
      description: {
        lt: 'Klientas pats pateikia duomenis: pildo paraiškas, sutartis ir kitus dokumentus (taip pat per partnerius ar elektroniniu būdu bendrovės svetainėje), teikia užklausas el. paštu, telefonu, vaizdo pokalbiais ar kitomis ryšio priemonėmis.',
        en: 'The client provides the data: in applications, contracts and other documents, on the Company’s website, and in inquiries by e-mail, telephone, live video chat or other means of communication.',
      },
      ref: [notice('s6')],
    },
    {
      id: 'partners',
      kind: 'partner',
      description: {
        lt: 'Bendrovės partneriai, per kuriuos klientas pateikia dokumentus arba kurie teikia informaciją apie klientą.',
        en: 'The Company’s partners, through whom the client submits documents or who provide information about the client.',
      },
      ref: [notice('s6')],
    },
    {
      id: 'state-authorities',
      kind: 'authority',
      description: {
        lt: 'Valstybės institucijos, su kuriomis bendradarbiauja bendrovė.',
        en: 'State authorities the Company works with.',
      },
      ref: [notice('s6')],
    },
  ],
  recipients: [
    itServiceProviders,
    {
      id: 'local-partners',
      kind: 'controller',
      name: { lt: 'Vietos partneriai kliento regione', en: 'Local partners in the client’s region' },
      description: {
        lt: 'Bendrovės partneriai kliento regione, kuriems gali būti teikiami kliento duomenys.',
        en: 'The Company’s partners in the client’s region, to whom client data may be disclosed.',
      },
      country: 'unknown',
      ref: [
        notice('s3', 'the notice discloses client data to "local partners in the client\'s region"'),
        unknown('s3', 'who the partners are is unknown: the notice names neither them nor a category a reader could recognise, nor the purpose and basis of the disclosure; the recipient stays unknown until the controller states who they are'),
      ],
      fieldRefs: { kind: [assumed('s3', 'role (controller or processor) not stated: modelled as independent controllers')] },
    },
    courtsAndAuthorities,
    otherThirdParties,
  ],
  transfers: [processorTransfer],
  retention: [
    {
      id: 'client-data',
      kind: 'conditions',
      categories: ['client-identity', 'contract-documents'],
      description: {
        lt: 'Kliento duomenys ir sutarčių dokumentai saugomi, kol galioja sutartis, ir dar 10 metų po jos pabaigos – bendrąjį ieškinio senaties terminą. Potencialių klientų, su kuriais sutartis nesudaryta, duomenys ištrinami praėjus 1 metams nuo paskutinio kontakto.',
        en: 'Client data and contract documents are kept while the contract is in force and for 10 years after it ends, the general limitation period for claims. Data of prospective clients who conclude no contract are erased 1 year after the last contact.',
      },
      conditions: [
        {
          id: 'contract-and-limitation',
          label: {
            lt: 'Galioja sutartis arba nėra suėjęs bendrasis 10 metų ieškinio senaties terminas',
            en: 'The contract is in force or the general 10-year limitation period has not expired',
          },
          endsAt: 'contract-ended',
          plus: { years: 10 },
          ref: [
            notice('s7', '"limitation period of a lawsuit"'),
            law('LT-CIVIL-CODE', 'Art. 1.125(1)'),
            assumed('s7', 'the notice names no period: the general 10-year limitation period for contractual claims applied by Regula'),
          ],
        },
        {
          id: 'prospect-contact',
          label: {
            lt: 'Potencialus klientas su bendrove bendravo per paskutinius 12 mėnesių',
            en: 'The prospective client has been in contact with the Company within the last 12 months',
          },
          endsAt: 'last-activity',
          plus: { years: 1 },
          ref: [assumed('s7', 'the notice sets no period: 1 year after the last contact chosen by Regula')],
        },
      ],
      then: { days: 0 },
      action: 'erase',
      ref: [notice('s7'), assumed('s7', 'the notice says only "no longer than necessary" plus mandatory storage and limitation periods: the periods are Regula’s')],
    },
  ],
  security: noticeSecurity,
  automatedDecisions: noAutomatedDecisions,
  location,
  dpia: dpiaNotRequired({
    lt: 'Įprastas klientų duomenų tvarkymas sutarčiai vykdyti; didelio pavojaus požymių nėra.',
    en: 'Ordinary processing of client data to perform contracts; no indicator of high risk.',
  }),
  systems: ['crm'],
  ref: [notice('s4'), notice('s5'), notice('s6')],
};
