import { Register } from '@regula/engine';
import { DEFAULT_NOTE, VAGUE_NOTE, assumed, fills, law, notice, seed, tx } from '../refs';
import { FROM_SUBJECT, measures, recipients, transfers } from '../shared';

const RECIPIENTS = ['email-service', 'hosting-partners', 'authorities'] as const;

/** Privacy questions, rights requests and security reports sent to the controller. */
export const privacyContacts: Register = {
  id: 'privacy-contacts',
  name: tx('Privacy requests and security reports', 'Andmekaitsepäringud ja turvateated', 'Privatumo užklausos ir pranešimai apie saugumą'),
  businessFunction: tx('Data protection and security', 'Andmekaitse ja turvalisus', 'Duomenų apsauga ir saugumas'),
  description: tx(
    'Questions about privacy, requests to exercise data-protection rights and reports of suspected security incidents, with our replies and the steps taken on them.',
    'Andmekaitset puudutavad küsimused, andmesubjekti õiguste kasutamise taotlused ja võimalike turvaintsidentide teated koos meie vastuste ja nende põhjal võetud meetmetega.',
    'Klausimai dėl privatumo, prašymai įgyvendinti duomenų subjekto teises ir pranešimai apie įtariamus saugumo incidentus, kartu su mūsų atsakymais ir dėl jų atliktais veiksmais.',
  ),
  purposes: [
    {
      id: 'rights-requests',
      name: tx('Handling privacy questions and rights requests', 'Andmekaitseküsimuste ja õiguste taotluste menetlemine', 'Privatumo klausimų ir prašymų dėl teisių nagrinėjimas'),
      description: tx(
        'Answering privacy questions and rights requests within one month, verifying the requester and keeping a record of how each request was handled.',
        'Andmekaitseküsimustele ja õiguste taotlustele ühe kuu jooksul vastamine, taotleja isiku kontrollimine ja iga taotluse menetlemise dokumenteerimine.',
        'Atsakymas į privatumo klausimus ir prašymus dėl teisių per vieną mėnesį, prašymo pateikėjo tapatybės patikrinimas ir kiekvieno prašymo nagrinėjimo dokumentavimas.',
      ),
      legalBases: [
        {
          article: '6(1)(c)',
          description: tx(
            'Legal obligation to act on data subjects\' requests.',
            'Juriidiline kohustus andmesubjektide taotlusi menetleda.',
            'Teisinė prievolė nagrinėti duomenų subjektų prašymus.',
          ),
          legalObligation: {
            law: tx(
              'GDPR Articles 12 to 22 (rights of the data subject)',
              'IKÜM artiklid 12–22 (andmesubjekti õigused)',
              'BDAR 12–22 straipsniai (duomenų subjekto teisės)',
            ),
            ref: [law('GDPR', 'Art. 12-22')],
          },
          ref: [notice(7, 'we respond within one month'), law('GDPR', 'Art. 12(3)')],
        },
      ],
      categories: ['requester-identity', 'request-content'],
      ref: [notice(1, 'privacy questions by e-mail with "Privacy" in the subject line'), notice(7), seed('contact')],
    },
    {
      id: 'security-reports',
      name: tx('Handling security reports', 'Turvateadete menetlemine', 'Pranešimų apie saugumą nagrinėjimas'),
      description: tx(
        'Acknowledging reports of suspected security incidents within 72 hours, investigating them and documenting any personal data breach.',
        'Võimalike turvaintsidentide teadete kättesaamise kinnitamine 72 tunni jooksul, nende uurimine ja isikuandmetega seotud rikkumiste dokumenteerimine.',
        'Pranešimų apie įtariamus saugumo incidentus gavimo patvirtinimas per 72 valandas, jų tyrimas ir asmens duomenų saugumo pažeidimų dokumentavimas.',
      ),
      legalBases: [
        {
          article: '6(1)(c)',
          description: tx(
            'Legal obligation to document personal data breaches and to notify them where required.',
            'Juriidiline kohustus dokumenteerida isikuandmetega seotud rikkumisi ja neist vajaduse korral teatada.',
            'Teisinė prievolė dokumentuoti asmens duomenų saugumo pažeidimus ir, kai reikia, apie juos pranešti.',
          ),
          legalObligation: {
            law: tx(
              'GDPR Articles 33 and 34 (personal data breaches)',
              'IKÜM artiklid 33 ja 34 (isikuandmetega seotud rikkumised)',
              'BDAR 33 ir 34 straipsniai (asmens duomenų saugumo pažeidimai)',
            ),
            ref: [law('GDPR', 'Art. 33(5), Art. 34')],
          },
          ref: [law('GDPR', 'Art. 33(5)'), assumed(9, 'basis inferred by Regula; the notice states the 72-hour acknowledgement only')],
        },
        {
          article: '6(1)(f)',
          description: tx(
            'Our legitimate interest in keeping the portal secure.',
            'Meie õigustatud huvi hoida portaal turvalisena.',
            'Mūsų teisėtas interesas užtikrinti portalo saugumą.',
          ),
          legitimateInterest: tx(
            'Receiving and following up reports of vulnerabilities and incidents (GDPR recital 49).',
            'Haavatavuste ja intsidentide teadete vastuvõtmine ja nendega tegelemine (IKÜM põhjendus 49).',
            'Pranešimų apie pažeidžiamumus ir incidentus priėmimas ir tolesni veiksmai (BDAR 49 konstatuojamoji dalis).',
          ),
          ref: [notice(9), law('GDPR', 'recital 49')],
        },
      ],
      categories: ['requester-identity', 'security-reports'],
      ref: [notice(9, 'suspected security incidents can be reported by e-mail; acknowledged within 72 hours')],
    },
  ],
  subjects: [
    {
      id: 'requesters',
      kind: 'other',
      name: tx('People who contact us about privacy or security', 'Isikud, kes pöörduvad meie poole andmekaitse või turvalisuse küsimuses', 'Asmenys, besikreipiantys į mus dėl privatumo ar saugumo'),
      description: tx(
        'Portal users, customers, contact persons and anyone else who asks a privacy question, exercises a right or reports a security incident.',
        'Portaali kasutajad, kliendid, kontaktisikud ja kõik teised, kes esitavad andmekaitseküsimuse, kasutavad oma õigusi või teatavad turvaintsidendist.',
        'Portalo naudotojai, klientai, kontaktiniai asmenys ir visi kiti, kurie užduoda klausimą dėl privatumo, įgyvendina savo teises ar praneša apie saugumo incidentą.',
      ),
      ref: [notice(1), notice(7), notice(9), seed('contact')],
    },
  ],
  dataCategories: [
    {
      id: 'requester-identity',
      name: tx('Requester\'s identity and contact details', 'Pöörduja isiku- ja kontaktandmed', 'Besikreipiančio asmens tapatybės ir kontaktiniai duomenys'),
      fields: tx(
        'Name, e-mail address (for rights requests, the one registered with the account) and, for written or in-person requests, postal address',
        'Nimi, e-posti aadress (õiguste taotluste puhul kontoga seotud aadress) ning kirjalike või isiklikult esitatud taotluste puhul postiaadress',
        'Vardas ir pavardė, el. pašto adresas (prašymų dėl teisių atveju – su paskyra susietas adresas), o raštu ar asmeniškai pateiktų prašymų atveju – pašto adresas',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice(7, 'write from the e-mail address registered with your account'), seed('contact', 'requests in writing or in person')],
    },
    {
      id: 'request-content',
      name: tx('Requests and replies', 'Taotlused ja vastused', 'Prašymai ir atsakymai'),
      fields: tx(
        'The question or request, the right exercised, the identity check, our reply, decisions and deadlines',
        'Küsimus või taotlus, kasutatav õigus, isikusamasuse kontroll, meie vastus, otsused ja tähtajad',
        'Klausimas ar prašymas, įgyvendinama teisė, tapatybės patikrinimas, mūsų atsakymas, sprendimai ir terminai',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice(7), notice(1)],
    },
    {
      id: 'security-reports',
      name: tx('Security reports', 'Turvateated', 'Pranešimai apie saugumą'),
      fields: tx(
        'Content of the report, the reporter\'s contact details, our acknowledgement and the follow-up',
        'Teate sisu, teataja kontaktandmed, meie kinnitus ja edasised toimingud',
        'Pranešimo turinys, pranešėjo kontaktiniai duomenys, mūsų patvirtinimas ir tolesni veiksmai',
      ),
      required: false,
      providedBySubject: true,
      sources: ['data-subject'],
      ref: [notice(9)],
    },
  ],
  sources: [FROM_SUBJECT],
  recipients: recipients(...RECIPIENTS),
  transfers: transfers([...RECIPIENTS]),
  retention: [
    {
      id: 'request-records',
      kind: 'period',
      categories: ['requester-identity', 'request-content', 'security-reports'],
      anchor: 'request-closed',
      period: { years: 3 },
      action: 'erase',
      description: tx(
        'Requests, reports and our replies are erased three years after the case is closed.',
        'Taotlused, teated ja meie vastused kustutatakse kolm aastat pärast menetluse lõpetamist.',
        'Prašymai, pranešimai ir mūsų atsakymai ištrinami praėjus trejiems metams po bylos užbaigimo.',
      ),
      ref: [fills('protection', 6, `${VAGUE_NOTE}; ${DEFAULT_NOTE}: three years after the case is closed, to show compliance (GDPR Art. 5(2)) within the general three-year limitation period`)],
    },
  ],
  security: measures('tls', 'limited-access', 'confidentiality', 'personal-accounts', 'processor-selection', 'incident-reports'),
  automatedDecisions: {
    profiling: false,
    automatedDecisions: false,
    significantEffects: false,
    ref: [assumed(7, 'the sources describe no automated decisions: "none" assumed (requests are handled by people)')],
  },
  location: tx(
    'Our e-mail service and case records; data may be processed outside the European Economic Area only with the safeguards set out for international transfers',
    'Meie e-posti teenus ja menetlusdokumendid; andmeid võib töödelda väljaspool Euroopa Majanduspiirkonda üksnes rahvusvahelise edastamise puhul kirjeldatud kaitsemeetmetega',
    'Mūsų el. pašto paslauga ir bylų įrašai; už Europos ekonominės erdvės ribų duomenys gali būti tvarkomi tik taikant tarptautiniam perdavimui nustatytas apsaugos priemones',
  ),
  dpia: {
    required: false,
    status: 'not-required',
    reason: tx(
      'Correspondence needed to meet legal obligations; no special categories expected.',
      'Juriidiliste kohustuste täitmiseks vajalik kirjavahetus; eriliigilisi andmeid ei eeldata.',
      'Teisinėms prievolėms įvykdyti reikalingas susirašinėjimas; specialių kategorijų duomenų nenumatoma.',
    ),
    ref: [assumed(7, `DPIA screening: the sources mention no DPIA; the result is a ${DEFAULT_NOTE}`)],
  },
  systems: ['e-mail'],
  ref: [notice(1), notice(7), notice(9), seed('contact')],
};
