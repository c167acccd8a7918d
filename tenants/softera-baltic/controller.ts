import {
  Address, Branding, ChildrenStatement, NoticeClaims, RequestPolicy, RightStatement, SourceDocument, Text,
  jurisdictionFor,
} from '@regula/engine';
import { NOTICE_ID, assumed, corrected, law, notice, unknown } from './refs';

/**
 * Identity and notice-level facts of Softera Baltic, UAB, taken from its privacy
 * policy (the only source document). Facts the notice leaves blank are not
 * invented: their value is empty and their provenance 'unknown' (see `fieldRefs`),
 * so nothing publishes them until the controller states them.
 */

export const SLUG = 'softera-baltic';
export const LEGAL_NAME = 'Softera Baltic, UAB';
export const REGISTRY_CODE = '301566552';

/**
 * Section 1 reads "legal entity code 301566552, legal address, e-mail address":
 * the address and the e-mail were never filled in. Their value is empty (never
 * rendered) and their provenance unknown.
 */
export const BLANK_IN_NOTICE = 'section 1 reads "legal entity code 301566552, legal address, e-mail address": the address and the e-mail were never filled in, and section 9 refers to contact information the policy does not give';

export const documents: SourceDocument[] = [
  { id: NOTICE_ID, title: 'Softera Baltic privacy policy', language: 'en', role: 'notice' },
];

export const jurisdiction = jurisdictionFor('LT', ['lt', 'en']);

/** Unknown: street and city are empty (the country follows from the Lithuanian register of legal entities). */
export const legalAddress: Address = {
  street: '',
  city: '',
  country: 'LT',
};

/** Provenance of the controller's own fields that differ from "stated by the notice". */
export const fieldRefs = {
  legalAddress: [unknown('s1', `legal address: ${BLANK_IN_NOTICE}`)],
  dpo: [assumed('s1', 'the notice names no data protection officer: "none" assumed (no Art. 37(1) assessment stated)')],
};

export const registryName: Text = {
  lt: 'Lietuvos Respublikos juridinių asmenų registras',
  en: 'Register of Legal Entities of the Republic of Lithuania',
};

export const contact = {
  email: '',
  instructions: {
    lt: 'Į bendrovę galite kreiptis dėl bet kokių su jūsų asmens duomenų tvarkymu susijusių klausimų.',
    en: 'You may contact the Company about any question concerning the processing of your personal data.',
  },
  ref: [notice('s9', 'the right to contact the Company and discuss any issue related to the processing')],
  fieldRefs: {
    email: [unknown('s1', `e-mail address: ${BLANK_IN_NOTICE}`)],
  },
};

export const service: Text = {
  lt: 'Softera Baltic, UAB teikia klientams paslaugas ir tiekia prekes, valdo interneto svetainę ir savitarnos svetaines.',
  en: 'Softera Baltic, UAB provides services and supplies goods to its clients and runs a website and self-service websites.',
};

export const branding: Branding = {
  primaryColor: '#0B4F8A', // 8.4:1 against white text
  accentColor: '#A4400A', // 6.3:1 against white text
  displayName: 'Softera Baltic',
};

export const rights: RightStatement[] = [
  {
    right: 'A15',
    description: {
      lt: 'Galite gauti patvirtinimą, ar bendrovė tvarko su jumis susijusius asmens duomenis, ir, jei tvarko, susipažinti su jais bei informacija apie jų tvarkymą.',
      en: 'You may obtain confirmation of whether the Company processes personal data about you and, if it does, access those data and information about their processing.',
    },
    ref: [notice('s9')],
  },
  {
    right: 'A16',
    description: {
      lt: 'Galite reikalauti ištaisyti netikslius su jumis susijusius asmens duomenis ir papildyti neišsamius.',
      en: 'You may have inaccurate personal data about you rectified and incomplete data completed.',
    },
    ref: [notice('s9')],
  },
  {
    right: 'A17',
    description: {
      lt: 'Galite reikalauti ištrinti su jumis susijusius asmens duomenis, visų pirma tuos, kurie tvarkomi jūsų sutikimu, kai jį atšaukiate.',
      en: 'You may have personal data about you erased, in particular data processed with your consent once you withdraw it.',
    },
    conditions: {
      lt: 'Duomenys neištrinami tiek, kiek juos tvarkyti būtina sutarčiai vykdyti arba teisės aktuose nustatytoms prievolėms įvykdyti. Teisė taip pat taikoma kitais BDAR 17 straipsnio 1 dalyje nurodytais atvejais.',
      en: 'Data are not erased to the extent they are still needed to perform a contract or to comply with a legal obligation. The right also applies in the other cases listed in GDPR Art. 17(1).',
    },
    ref: [
      notice('s9'),
      corrected('GDPR', 'Art. 17(1), 17(3)(b)', 'the notice grants erasure only once consent is withdrawn and says the right "shall apply" where the data are also processed on other grounds; read as "shall not apply" (Art. 17(3)(b)), and widened to every case of Art. 17(1), which the law grants'),
    ],
    limitedTo: {
      cases: ['17(1)(b)'],
      ref: [
        notice('s9', 'erasure offered only for data processed with consent, once it is withdrawn'),
        { ...law('GDPR', 'Art. 17(1)'), provenance: 'corrected', note: 'the published right covers every case of Art. 17(1)' },
      ],
    },
  },
  {
    right: 'A18',
    description: {
      lt: 'Galite reikalauti apriboti jūsų asmens duomenų tvarkymą, pavyzdžiui, tam laikotarpiui, kol bendrovė įvertins, ar turite teisę reikalauti apribojimo ir ar duomenis praktiškai įmanoma ištrinti.',
      en: 'You may have the processing of your personal data restricted, for example while the Company assesses whether you are entitled to restriction and whether the data can in practice be erased.',
    },
    conditions: {
      lt: 'Taikoma BDAR 18 straipsnio 1 dalyje nurodytais atvejais.',
      en: 'Applies in the cases listed in GDPR Art. 18(1).',
    },
    ref: [notice('s9'), law('GDPR', 'Art. 18(1)')],
  },
  {
    right: 'A19',
    description: {
      lt: 'Bendrovė praneša duomenų gavėjams apie duomenų ištaisymą, ištrynimą ar tvarkymo apribojimą, o jūsų prašymu nurodo tuos gavėjus.',
      en: 'The Company tells the recipients of your data about any rectification, erasure or restriction and, at your request, tells you who they are.',
    },
    ref: [corrected('GDPR', 'Art. 19', 'the notice omits this duty; the law imposes it on every controller, so the policy states it')],
  },
  {
    right: 'A20',
    description: {
      lt: 'Galite gauti savo pateiktus asmens duomenis, tvarkomus sutikimo ar sutarties pagrindu, raštu arba įprastai naudojamu elektroniniu formatu ir, jei įmanoma, prašyti juos persiųsti kitam paslaugų teikėjui.',
      en: 'You may receive the personal data you provided that are processed on the basis of consent or a contract, in writing or in a commonly used electronic format, and where possible have them transmitted to another service provider.',
    },
    ref: [notice('s9')],
  },
  {
    right: 'A21',
    description: {
      lt: 'Galite nesutikti, kad jūsų asmens duomenys būtų tvarkomi siekiant bendrovės ar trečiųjų asmenų teisėtų interesų, kai tai yra tvarkymo pagrindas.',
      en: 'You may object to the processing of your personal data for the legitimate interests of the Company or of third parties, where that is the basis of processing.',
    },
    ref: [notice('s9')],
  },
  {
    right: 'A21-2',
    description: {
      lt: 'Galite bet kada nesutikti, kad jūsų duomenys būtų tvarkomi tiesioginės rinkodaros tikslais, įskaitant su ja susijusį profiliavimą; tada duomenys šiuo tikslu nebetvarkomi.',
      en: 'You may object at any time to the processing of your data for direct marketing, including profiling related to it; the data are then no longer processed for that purpose.',
    },
    ref: [notice('s9'), law('GDPR', 'Art. 21(2)-(3)')],
  },
  {
    right: 'A22',
    description: {
      lt: 'Turite teisę, kad jums nebūtų taikomas sprendimas, grindžiamas tik automatizuotu duomenų tvarkymu, įskaitant profiliavimą, dėl kurio jums kyla teisinės pasekmės arba kuris panašiu būdu jums daro didelį poveikį.',
      en: 'You have the right not to be subject to a decision based solely on automated processing, including profiling, that produces legal effects concerning you or similarly significantly affects you.',
    },
    conditions: {
      lt: 'Teisė netaikoma, kai toks sprendimas būtinas sutarčiai su jumis sudaryti ar vykdyti, yra leidžiamas teisės aktų arba grindžiamas jūsų aiškiu sutikimu.',
      en: 'The right does not apply where the decision is necessary for entering into or performing a contract with you, is authorised by law or is based on your explicit consent.',
    },
    ref: [notice('s9')],
  },
  {
    right: 'A7-3',
    description: {
      lt: 'Galite bet kada atšaukti duotą sutikimą tvarkyti asmens duomenis; atšaukimas neturi įtakos iki tol vykdyto tvarkymo teisėtumui.',
      en: 'You may withdraw your consent to the processing of personal data at any time; withdrawal does not affect the lawfulness of processing before it.',
    },
    ref: [notice('s9'), notice('s12'), law('GDPR', 'Art. 7(3)')],
  },
  {
    right: 'A77',
    description: {
      lt: 'Jei manote, kad jūsų asmens duomenys tvarkomi pažeidžiant jūsų teises ir teisėtus interesus, galite pateikti skundą Valstybinei duomenų apsaugos inspekcijai (L. Sapiegos g. 17, 10312 Vilnius, ada@ada.lt).',
      en: 'If you believe your personal data are processed in breach of your rights and legitimate interests, you may lodge a complaint with the State Data Protection Inspectorate (L. Sapiegos g. 17, 10312 Vilnius, ada@ada.lt).',
    },
    ref: [notice('s9'), law('LEGAL-NOTES', 'Supervisory authorities', 'authority contact details')],
  },
];

export const requests: RequestPolicy = {
  channels: [
    {
      kind: 'web-form',
      value: {
        lt: 'Softera Baltic prašymų forma šioje svetainėje',
        en: 'Softera Baltic request form on this website',
      },
      ref: [corrected('GDPR', 'Art. 12(2)', 'the notice refers requests to "contact information provided in Privacy Policy" but gives none; the controller must facilitate the exercise of rights, so Regula’s request form is offered as the channel')],
    },
  ],
  identity: {
    default: 'email-link',
    description: {
      lt: 'Prašymo teikėjas patvirtina savo el. pašto adresą paspausdamas į jį atsiųstą nuorodą. Kilus pagrįstų abejonių dėl jo tapatybės, bendrovė gali paprašyti papildomos informacijos, reikalingos tapatybei patvirtinti.',
      en: 'The requester confirms their e-mail address by clicking a link sent to it. Where there is reasonable doubt about the requester’s identity, the Company may ask for the additional information needed to confirm it.',
    },
    ref: [notice('s9'), corrected('GDPR', 'Art. 12(6)', 'the notice states no identity check; Regula checks that the requester controls the e-mail address and asks for more only where there is reasonable doubt (Art. 12(6)); nothing heavier, so the check stays proportionate')],
  },
  responseMonths: 1,
  extensionMonths: 2,
  consentWithdrawalWorkingDays: 0,
  electronicReply: true,
  excessiveRequests: {
    fee: true,
    refuse: true,
    ref: [notice('s9'), law('GDPR', 'Art. 12(5)')],
  },
  ref: [
    notice('s9', '1 month, extendable by two further months; electronic reply to electronic requests; free of charge'),
    law('GDPR', 'Art. 12(3)-(5)'),
  ],
  fieldRefs: {
    consentWithdrawalWorkingDays: [
      assumed('s9', 'the notice sets no delay for a withdrawal of consent to take effect; Regula’s default is at once (GDPR Art. 7(3))'),
      law('LEGAL-NOTES', 'Deadlines'),
    ],
  },
};

export const children: ChildrenStatement = {
  minimumAge: jurisdiction.art8Age,
  statement: {
    lt: 'Lietuvoje vaikas gali pats duoti sutikimą dėl jam tiesiogiai siūlomų informacinės visuomenės paslaugų nuo 14 metų; jaunesnio vaiko atveju sutikimą turi duoti arba patvirtinti tėvai ar globėjai.',
    en: 'In Lithuania a child may consent to information society services offered directly to them from the age of 14; for a younger child, consent must be given or authorised by a parent or guardian.',
  },
  ref: [
    law('LT-ADTAI', 'Art. 6', 'the notice has no children statement: the statement is the rule of the national act (age of digital consent 14)'),
    law('GDPR', 'Art. 8(1)'),
  ],
};

export const policyChanges = {
  channels: ['website', 'e-mail'] as ('website' | 'e-mail')[],
  archive: true,
  description: {
    lt: 'Privatumo politika prireikus atnaujinama. Visos ankstesnės jos versijos saugomos archyve ir su jomis galima susipažinti. Apie esminius pakeitimus bendrovė stengiasi pranešti klientams tiesiogiai.',
    en: 'The privacy policy is updated when necessary. All previous versions are kept in an archive and can be consulted. The Company makes every effort to tell clients directly about material changes.',
  },
  // E-mail about material changes goes to those holding an account: clients with a live record there.
  accountRegisters: ['clients'],
  ref: [notice('s10', 'the policy and its archive are published on the website')],
  fieldRefs: {
    channels: [assumed('s10', '"we will make every effort to directly notify the Client" read as an e-mail to account holders; the website channel carries the policy and its archive')],
  },
};

const W = 'warning' as const;
const I = 'info' as const;

export const noticeClaims: NoticeClaims = {
  authorityName: { name: 'State Data Protection Inspectorate', ref: [notice('s9')] },
  transferBoundary: { region: 'EU/EEA', ref: [notice('s8', '"outside the Republic of Lithuania, European Union or European Economic Area"')] },
  trackersMentioned: [
    { name: 'Google Analytics', ref: [notice('s13')] },
    { name: 'Facebook', ref: [notice('s13')] },
    { name: 'Google AdSense', ref: [notice('s13')] },
  ],
  remarks: [
    {
      severity: W,
      text: {
        lt: 'Duomenų valdytojo adresas ir el. paštas nenurodyti: 1 skyriuje sakinys „buveinės adresas, el. pašto adresas“ paliktas neužpildytas, o 9 skyrius nurodo kreiptis „privatumo politikoje nurodytais kontaktais“, kurių nėra (BDAR 13 str. 1 d. a p.). Registre šie faktai pažymėti kaip nežinomi ir neskelbiami; kol bendrovė jų nepateiks, politikos skelbti negalima, o prašymai teikiami per Regula prašymų formą.',
        en: 'The controller’s address and e-mail are missing: the sentence "legal address, e-mail address" in section 1 was never filled in, and section 9 points to "contact information provided in Privacy Policy" that does not exist (GDPR Art. 13(1)(a)). The register marks both as unknown and publishes neither; until the Company supplies them the policy cannot be published, and requests go through Regula’s request form.',
      },
      ref: [notice('s1'), notice('s9')],
    },
    {
      severity: W,
      text: {
        lt: 'Teisiniai pagrindai išvardyti tik bendrai (3 skyrius) ir nesusieti su tikslais (5 skyrius), o teisėti interesai neaprašyti (BDAR 13 str. 1 d. c ir d p.). Kiekvieno tikslo pagrindą šiame registre parinkome patys.',
        en: 'Legal bases are only listed in general (section 3) and not linked to the purposes (section 5), and the legitimate interests are not described (GDPR Art. 13(1)(c) and (d)). The basis of each purpose in this register was mapped by us.',
      },
      ref: [notice('s3'), notice('s5')],
    },
    {
      severity: W,
      text: {
        lt: 'Saugojimo terminai nenurodyti: pranešime tik teigiama, kad duomenys saugomi „ne ilgiau, nei būtina“, išskyrus privalomus saugojimo ir ieškinio senaties terminus (BDAR 13 str. 2 d. a p.). Šiame registre nustatyti terminai yra įstatyminiai arba mūsų parinkti numatytieji, kuriuos reikia patikrinti.',
        en: 'No retention periods are given: the notice only says data are kept "no longer than necessary", save for mandatory storage and limitation periods (GDPR Art. 13(2)(a)). The periods in this register are statutory or defaults chosen by us, to be verified.',
      },
      ref: [notice('s7')],
    },
    {
      severity: W,
      text: {
        lt: 'Pranešime teigiama, kad duomenų tvarkytojai gali būti už Lietuvos, ES ar EEE ribų, tačiau nenurodyta nei valstybės, nei apsaugos priemonė, nei kaip gauti jos kopiją (BDAR 13 str. 1 d. f p.). Registre numatytoji priemonė – standartinės sutarčių sąlygos.',
        en: 'The notice says processors may be outside Lithuania, the EU or the EEA, but names neither the countries, nor the safeguard, nor how to obtain a copy of it (GDPR Art. 13(1)(f)). The register assumes standard contractual clauses as the default.',
      },
      ref: [notice('s8')],
    },
    {
      severity: W,
      text: {
        lt: 'Sakinyje apie teisę į ištrynimą teigiama, kad teisė „taikoma“, kai duomenys tvarkomi ir kitais pagrindais; tai, matyt, vertimo klaida vietoj „netaikoma“. Be to, teisė aprašyta tik sutikimo atšaukimo atveju, nors BDAR 17 str. 1 d. numato ir kitus atvejus.',
        en: 'The erasure sentence says the right "shall apply" where the data are also processed on other grounds; this is presumably a translation error for "shall not apply". The right is also described only for withdrawn consent, while GDPR Art. 17(1) provides other cases too.',
      },
      ref: [notice('s9')],
    },
    {
      severity: W,
      text: {
        lt: 'Pranešime teigiama, kad bendrovė nenaudoja ir nenustato trečiųjų šalių slapukų, tačiau 13 skyriaus lentelėje išvardyti svetainėje veikiantys Google Analytics, Google AdSense, Facebook ir Hotjar slapukai. Už juos, įskaitant sutikimo gavimą, atsako svetainės valdytojas; Facebook atveju jis yra bendras duomenų valdytojas (ESTT byla C-40/17).',
        en: 'The notice says the Company does not use or set third-party cookies, yet the table in section 13 lists Google Analytics, Google AdSense, Facebook and Hotjar cookies running on its website. The website operator is responsible for them, including obtaining consent, and is a joint controller with Facebook (CJEU case C-40/17).',
      },
      ref: [notice('s12'), notice('s13')],
    },
    {
      severity: W,
      text: {
        lt: 'Statistiniai slapukai apibūdinami kaip renkantys „anoniminę informaciją“, tačiau _ga, _gid ir _hjSessionUser_2892099 priskiria unikalius identifikatorius, o renkamas ir IP adresas – tai asmens duomenys.',
        en: 'Statistics cookies are described as collecting "anonymous information", but _ga, _gid and _hjSessionUser_2892099 assign unique identifiers and the IP address is collected too: these are personal data.',
      },
      ref: [notice('s12'), notice('s13')],
    },
    {
      severity: W,
      text: {
        lt: 'Sutikimą dėl slapukų siūloma atšaukti keičiant naršyklės nustatymus. Sutikimą turi būti taip pat lengva atšaukti, kaip ir jį duoti (BDAR 7 str. 3 d.), todėl svetainėje reikia slapukų nustatymų priemonės.',
        en: 'Cookie consent is to be withdrawn by changing browser settings. Withdrawing consent must be as easy as giving it (GDPR Art. 7(3)), so the website needs a cookie-settings control.',
      },
      ref: [notice('s12')],
    },
    {
      severity: W,
      text: {
        lt: 'Pranešime leidžiama tvarkyti duomenis „bet kokiu kitu tikslu“ gavus sutikimą, o duomenis teikti „vietos partneriams jūsų regione“, jų neįvardijant ir nenurodant tikslo ar pagrindo. Tai nesuderinama su tikslo apribojimo principu ir konkretaus sutikimo reikalavimu (BDAR 5 str. 1 d. b p., 4 str. 11 p.); šie atvejai registre nemodeliuoti kaip atskiri tikslai.',
        en: 'The notice allows processing "for any other purpose" once consent is obtained, and disclosure to "local Partners in your region" without naming them or stating a purpose or basis. This does not meet purpose limitation and specific consent (GDPR Art. 5(1)(b), Art. 4(11)); these cases are not modelled as purposes of their own.',
      },
      ref: [notice('s3'), notice('s5')],
    },
    {
      severity: I,
      text: {
        lt: 'Pranešime nurodoma, kad telefoniniai pokalbiai įrašomi, tačiau nenurodytas nei tikslas, nei pagrindas, nei saugojimo terminas; registre jie parinkti mūsų.',
        en: 'The notice says telephone calls are recorded but states neither the purpose, nor the basis, nor the retention period; the register’s are ours.',
      },
      ref: [notice('s4')],
    },
    {
      severity: I,
      text: {
        lt: 'Frazė „jei neatsisakėte tokių pranešimų“ leidžia manyti, kad esamiems klientams rinkodara siunčiama ir be išankstinio sutikimo (Elektroninių ryšių įstatymo išimtis panašiems produktams); pranešime tai aiškiai nenurodyta, todėl registre laikomasi sutikimo pagrindo.',
        en: 'The words "if you have not unsubscribed" suggest that existing clients receive marketing without prior consent (the Law on Electronic Communications exception for similar products); the notice does not say so, so the register keeps consent as the basis.',
      },
      ref: [notice('s5'), law('LT-ERI')],
    },
    {
      severity: I,
      text: {
        lt: 'Nuoroda „Slapukų politika Nr. 13–14“ nukreipia į 14 skyrių, kurio pranešime nėra.',
        en: 'The reference "Cookies Policy No. 13-14" points to a section 14 that the notice does not have.',
      },
      ref: [notice('s6')],
    },
    {
      severity: I,
      text: {
        lt: 'Pranešime apie vaikus nieko nesakoma, nors svetainė vieša, o slapukai ir naujienlaiškiai grindžiami sutikimu; registre vaikų amžius paimtas iš Asmens duomenų teisinės apsaugos įstatymo (14 metų).',
        en: 'The notice makes no statement about children, although the website is public and cookies and newsletters rely on consent; the register takes the age from the Law on Legal Protection of Personal Data (14).',
      },
      ref: [notice('s9'), notice('s12')],
    },
    {
      severity: I,
      text: {
        lt: 'Pranešime nenurodyta jo data ar versija, nors teigiama, kad visos ankstesnės versijos saugomos archyve.',
        en: 'The notice states no date or version, although it says all previous versions are kept in an archive.',
      },
      ref: [notice('s10')],
    },
    {
      severity: I,
      text: {
        lt: 'Slapukas _gcl_au priskiriamas Google AdSense, nors jį nustato Google Ads konversijų susiejimo priemonė; _hj slapukų teikėjas (Hotjar) neįvardytas.',
        en: 'The _gcl_au cookie is attributed to Google AdSense, although Google Ads’ conversion linker sets it; the provider of the _hj cookies (Hotjar) is not named.',
      },
      ref: [notice('s13')],
    },
  ],
};
