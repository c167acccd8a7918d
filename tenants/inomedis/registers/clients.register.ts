import { Register } from '@regula/engine';
import { ACCOUNTING_LAW, LEGAL_OBLIGATION_LABEL, NECESSARY_FOR_LEGITIMATE_INTERESTS } from '../common/legal-bases';
import { authorities, processors } from '../common/recipients';
import {
  consentNotWithdrawn,
  contractInForce,
  legitimateInterestsAfterContract,
  statutoryAccountingStorage,
} from '../common/retention';
import { securityMeasures } from '../common/security';
import { assumed, clause, clauses, corrected, NO_DPIA_ASSUMED, registerFieldRefs, t } from '../common/text';

/**
 * Clients: conclusion and performance of contracts, billing, debt recovery,
 * complaints and support (clauses 8, 10.1-10.2, 17), with the clause-29
 * retention rule. Clause 14 lists the bases without tying them to purposes:
 * a basis the notice ties to no purpose is `assumed`; a basis the notice
 * labels wrongly is `corrected`.
 */
export const clientsRegister: Register = {
  id: 'clients',
  name: t('Klientu apkalpošana un līgumi', 'Client service and contracts'),
  businessFunction: t('Pārdošana un klientu apkalpošana', 'Sales and client service'),
  description: t(
    'Klientu identificēšana, līgumu noslēgšana un izpilde, norēķinu administrēšana, parādu piedziņa, prettiesisku darbību novēršana, kā arī klientu sūdzību izskatīšana un atbalsts saistībā ar sniegtajiem pakalpojumiem.',
    'Identifying clients, concluding and performing contracts, administering payments, recovering debts, preventing unlawful acts, and handling client complaints and support for the services provided.',
  ),
  purposes: [
    {
      id: 'contract',
      name: t('Līguma noslēgšana un izpilde', 'Conclusion and performance of contracts'),
      description: t(
        'Klienta identificēšana, klienta attiecību vadīšana (arī attālināti), līguma noslēgšana un izpilde un ar to saistītie procesi, tostarp pirms līguma noslēgšanas iegūto datu apstrāde.',
        'Identifying the client, managing the client relationship (including remotely), concluding and performing the contract and the related processes, including data collected before the contract is concluded.',
      ),
      legalBases: [
        {
          article: '6(1)(b)',
          description: t(
            'Apstrāde ir nepieciešama, lai noslēgtu līgumu ar Klientu vai to izpildītu, tostarp lai pēc Klienta pieprasījuma veiktu darbības pirms līguma noslēgšanas.',
            'The processing is necessary to conclude or perform the contract with the client, including steps taken at the client\'s request before it is concluded.',
          ),
          citedInNotice: '6(1)(a)',
          ref: [
            clause('17'),
            corrected('GDPR', 'Art. 6(1)(b), 7(4)', 'clause 14 cites consent, Art. 6(1)(a), "e.g. when buying goods or services"; a purchase is performed under a contract, and consent a purchase depends on is not freely given, so the basis is Art. 6(1)(b)'),
          ],
        },
      ],
      categories: ['identity-contact', 'contract-service', 'billing'],
      ref: clauses('8', '10.1', '17'),
    },
    {
      id: 'billing',
      name: t('Norēķinu administrēšana un grāmatvedība', 'Payment administration and accounting'),
      description: t(
        'Rēķinu izrakstīšana, maksājumu uzskaite un grāmatvedības attaisnojuma dokumentu sagatavošana par Klientam sniegtajiem pakalpojumiem un pārdotajām precēm.',
        'Issuing invoices, recording payments and preparing the accounting source documents for the services provided and goods sold to the client.',
      ),
      legalBases: [
        {
          article: '6(1)(b)',
          description: t(
            'Norēķini ir daļa no līguma izpildes.',
            'Settling payments is part of performing the contract.',
          ),
          ref: [clause('8'), assumed('8', 'legal basis mapped by Regula: the notice ties no basis to billing; settling payments is part of the contract')],
        },
        {
          article: '6(1)(c)',
          description: t(
            'Inomedis kā Grāmatvedības likuma subjektam ir juridisks pienākums sagatavot un glabāt grāmatvedības attaisnojuma dokumentus.',
            'As an entity bound by the Accounting Law, Inomedis is legally obliged to prepare and keep accounting source documents.',
          ),
          legalObligation: {
            law: ACCOUNTING_LAW,
            ref: [{ source: 'LV-GRAMATVEDIBA', note: 'the notice names no law; the Accounting Law is the obligation behind billing records' }],
          },
          citedInNotice: '6(1)(b)',
          ref: [clause('14'), clause('8'), corrected('GDPR', 'Art. 6(1)(c)', LEGAL_OBLIGATION_LABEL)],
        },
      ],
      categories: ['identity-contact', 'billing'],
      ref: clauses('8'),
    },
    {
      id: 'debt-recovery',
      name: t('Parādu piedziņa', 'Debt recovery'),
      description: t(
        'Nesamaksāto rēķinu atgādinājumi un parādu piedziņa no debitoriem, tostarp prasījumu celšana un aizstāvēšana.',
        'Payment reminders and recovery of debts from debtors, including bringing and defending claims.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: NECESSARY_FOR_LEGITIMATE_INTERESTS,
          legitimateInterest: t(
            'Atgūt Klienta nesamaksātos parādus un īstenot vai aizstāvēt Inomedis tiesiskos prasījumus.',
            'Recovering the client\'s unpaid debts and establishing or defending Inomedis\'s legal claims.',
          ),
          ref: [clause('14', 'the notice gives debt recovery as its example of Art. 6(1)(f)'), clause('8')],
        },
      ],
      categories: ['identity-contact', 'billing', 'debt'],
      ref: clauses('8', '14'),
    },
    {
      id: 'fraud-prevention',
      name: t('Prettiesisku darbību novēršana', 'Prevention of unlawful acts'),
      description: t(
        'Krāpšanas un citu prettiesisku darbību novēršana un atklāšana saistībā ar Klientu līgumiem un norēķiniem.',
        'Preventing and detecting fraud and other unlawful acts in connection with client contracts and payments.',
      ),
      legalBases: [
        {
          article: '6(1)(f)',
          description: NECESSARY_FOR_LEGITIMATE_INTERESTS,
          legitimateInterest: t(
            'Aizsargāt Inomedis un tās Klientus pret krāpšanu un citiem prettiesiskiem nodarījumiem.',
            'Protecting Inomedis and its clients against fraud and other unlawful acts.',
          ),
          ref: [clause('8'), assumed('14', 'legal basis mapped by Regula: the notice ties no basis to preventing unlawful acts; legitimate interest chosen from the bases clause 14 lists')],
        },
      ],
      categories: ['identity-contact', 'contract-service', 'billing'],
      ref: clauses('8'),
    },
    {
      id: 'complaints-support',
      name: t('Sūdzību izskatīšana un atbalsts', 'Complaints and support'),
      description: t(
        'Klientu sūdzību, iebildumu un informācijas pieprasījumu izskatīšana un atbalsta, arī tehniskā atbalsta, sniegšana par iegādātajiem produktiem un sniegtajiem pakalpojumiem.',
        'Handling client complaints, objections and information requests, and providing support, including technical support, for the products bought and services provided.',
      ),
      legalBases: [
        {
          article: '6(1)(b)',
          description: t(
            'Atbalsts un sūdzību izskatīšana par sniegtajiem pakalpojumiem ir daļa no līguma izpildes.',
            'Support and complaint handling for the services provided are part of performing the contract.',
          ),
          ref: [clause('10.2'), assumed('14', 'legal basis mapped by Regula: the notice ties no basis to complaints and support; performance of the contract chosen')],
        },
      ],
      categories: ['identity-contact', 'contract-service', 'correspondence'],
      ref: clauses('8', '10.2', '26.3'),
    },
  ],
  subjects: [
    {
      id: 'clients',
      kind: 'client',
      name: t('Klienti – fiziskas personas', 'Clients (natural persons)'),
      description: t(
        'Fiziskas personas, kas iegādājas vai izmanto Inomedis produktus vai pakalpojumus.',
        'Natural persons who buy or use Inomedis products or services.',
      ),
      ref: clauses('2.1', '26.1'),
    },
    {
      id: 'prospects',
      kind: 'prospect',
      name: t('Potenciālie klienti', 'Prospective clients'),
      description: t(
        'Personas, kuru dati tiek iegūti pirms līguma noslēgšanas.',
        'Persons whose data is collected before a contract is concluded.',
      ),
      ref: clauses('17'),
    },
    {
      id: 'debtors',
      kind: 'debtor',
      name: t('Debitori', 'Debtors'),
      description: t('Klienti, kuriem ir nesamaksāti parādi pret Inomedis.', 'Clients with unpaid debts to Inomedis.'),
      ref: clauses('8'),
    },
  ],
  dataCategories: [
    {
      id: 'identity-contact',
      name: t('Identifikācijas un kontaktinformācija', 'Identification and contact data'),
      fields: t(
        'Dati, kas nepieciešami Klienta identificēšanai un saziņai ar viņu, piemēram, vārds, uzvārds, tālruņa numurs, e-pasta adrese un adrese.',
        'Data needed to identify and contact the client, such as first name, surname, phone number, e-mail address and postal address.',
      ),
      required: true,
      providedBySubject: true,
      sources: ['client'],
      ref: [clause('8'), assumed('18.4', 'fields and the required flag are Regula\'s: the notice names "identifying the client" but lists no fields (clause 18.4: other data depending on the service)')],
    },
    {
      id: 'contract-service',
      name: t('Līguma un pakalpojumu dati', 'Contract and service data'),
      fields: t(
        'Līguma noteikumi, pasūtītie un izmantotie produkti un pakalpojumi, to sniegšanas gaitā apkopotie dati.',
        'Contract terms, products and services ordered and used, and data gathered while providing them.',
      ),
      required: true,
      providedBySubject: true,
      sources: ['client', 'service-records'],
      ref: [clause('8'), clause('17'), clause('18.4'), assumed('17', 'required flag inferred: the notice says data is needed to conclude and perform the contract but marks no data as required')],
    },
    {
      id: 'billing',
      name: t('Norēķinu dati', 'Billing data'),
      fields: t(
        'Rēķini, maksājumu summas un datumi, maksājumu rekvizīti un norēķinu vēsture.',
        'Invoices, payment amounts and dates, payment details and payment history.',
      ),
      required: true,
      providedBySubject: true,
      sources: ['client', 'service-records'],
      ref: [clause('8'), assumed('8', 'fields and the required flag inferred from "administering payments": the notice lists no fields')],
    },
    {
      id: 'debt',
      name: t('Parādu dati', 'Debt data'),
      fields: t(
        'Nesamaksātā summa, termiņu kavējums, atgādinājumi un piedziņas darbību vēsture.',
        'Amount outstanding, days overdue, reminders and the history of recovery steps.',
      ),
      required: false,
      providedBySubject: false,
      sources: ['service-records'],
      ref: [clause('8'), assumed('8', 'fields inferred from "recovering debts from debtors": the notice lists no fields')],
    },
    {
      id: 'correspondence',
      name: t('Sūdzības un sarakste', 'Complaints and correspondence'),
      fields: t(
        'Sūdzību, iebildumu un atbalsta pieprasījumu saturs, Inomedis atbildes un saziņas datums.',
        'The content of complaints, objections and support requests, Inomedis\'s answers and the dates of contact.',
      ),
      required: false,
      providedBySubject: true,
      sources: ['client'],
      ref: clauses('10.2', '26.3'),
    },
  ],
  sources: [
    {
      id: 'client',
      kind: 'data-subject',
      description: t(
        'Klients pats, kad iegādājas vai izmanto produktus vai pakalpojumus vai sazinās ar Inomedis klātienē, pa tālruni, rakstiski vai tīmekļvietnē.',
        'The client, when buying or using products or services or contacting Inomedis in person, by phone, in writing or on the website.',
      ),
      ref: clauses('4', '26.1', '26.3'),
    },
    {
      id: 'service-records',
      kind: 'internal-system',
      description: t(
        'Inomedis ieraksti, kas rodas, sniedzot pakalpojumus un veicot norēķinus.',
        'Inomedis\'s own records created while providing services and settling payments.',
      ),
      ref: [clause('8', '"data gathered from providing the services"')],
    },
  ],
  recipients: [
    {
      id: 'partners-agents',
      kind: 'controller',
      name: t('Partneri un aģenti', 'Partners and agents'),
      description: t(
        'Partneri vai aģenti, kas piedalās Klienta pasūtīto vai izmantoto produktu un pakalpojumu nodrošināšanā.',
        'Partners or agents involved in delivering the products and services the client ordered or uses.',
      ),
      country: 'unknown',
      ref: [
        clause('30.1'),
        clause('16', 'clause 16 says data is not disclosed to third parties other than authorities, which contradicts clause 30.1'),
        assumed('30.1', 'recipient role assumed: the notice does not say whether partners act as controllers or on Inomedis\'s behalf (those acting on its behalf are processors, clause 34); their country is not stated'),
      ],
    },
    processors(),
    authorities(),
  ],
  transfers: 'none',
  fieldRefs: registerFieldRefs('location assumed: the notice does not say where client data is held; paper forms (clause 4) and the Rīga office (clause 5) suggest it'),
  retention: [
    {
      id: 'clause-29',
      kind: 'conditions',
      categories: ['identity-contact', 'contract-service', 'billing', 'debt', 'correspondence'],
      description: t(
        'Klienta datus apstrādā, kamēr pastāv vismaz viens no šiem apstākļiem: ir spēkā līgums; glabāšanas termiņu nosaka normatīvie akti; tas nepieciešams Inomedis leģitīmo interešu īstenošanai vai aizsardzībai; Klients nav atsaucis piekrišanu. Kad neviens apstāklis vairs nepastāv, datus dzēš.',
        'Client data is processed while at least one of these holds: the contract is in force; the law sets a storage period; it is needed to exercise or defend Inomedis\'s legitimate interests; the client has not withdrawn consent. When none holds any longer, the data is erased.',
      ),
      action: 'erase',
      conditions: [contractInForce(), statutoryAccountingStorage(), legitimateInterestsAfterContract(), consentNotWithdrawn()],
      then: { days: 0 },
      ref: [
        clause('29', 'the four conditions are the notice\'s own; their periods are marked on each condition. No grace period: the notice allows none.'),
      ],
    },
  ],
  security: securityMeasures(),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [clause('19.2', 'profiling is done for marketing only (see the marketing register)')],
  },
  location: t(
    'Inomedis informācijas sistēmas un papīra arhīvs birojā Rīgā.',
    'Inomedis\'s information systems and paper files at its Rīga office.',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: t(
      'Parasta līgumattiecību un norēķinu datu apstrāde bez īpašu kategoriju datiem un bez lielapjoma uzraudzības.',
      'Ordinary processing of contract and billing data with no special categories and no large-scale monitoring.',
    ),
    ref: [assumed('14', NO_DPIA_ASSUMED), { source: 'GDPR', at: 'Art. 35(1), (3)' }],
  },
  systems: ['crm', 'accounting'],
  ref: clauses('2.1', '8', '10', '17', '29'),
};
