import { ControllerDefinition, jurisdictionFor } from '@regula/engine';
import { assumed, clause, clauses, corrected, t } from './common/text';

/** Why the published right of erasure covers every case of the law. */
const ERASURE_CORRECTION =
  'clause 39 offers erasure only for data no longer needed for its purposes (Art. 17(1)(a)); Art. 17(1) grants it in every case it lists, so the published right states them all (the exceptions of Art. 17(3) apply by law)';

/** Why the published right to restriction covers every case of the law. */
const RESTRICTION_CORRECTION =
  'clause 39 offers restriction only for data no longer needed for its purposes (read as Art. 18(1)(c)); Art. 18(1) grants it in every case it lists, so the published right states them all';

/** Why the published right to object covers processing on legitimate interests. */
const OBJECTION_CORRECTION =
  'clauses 19.2 and 21 offer objection only to profiling and commercial messages; purposes rest on legitimate interests (Art. 6(1)(f)), so Art. 21(1) lets the data subject object to them on grounds relating to their particular situation, and the published right says so';

/**
 * SIA "Inomedis Aesthetic Group": everything but the registers. Facts come
 * from its privacy policy (document `notice`, Latvian, clauses 1-44); where
 * the policy is silent, the law fills in (a law ref) or Regula does (an
 * `assumed` ref whose note says what and why, never published unconfirmed).
 */
export const controller: Omit<ControllerDefinition, 'registers'> = {
  slug: 'inomedis',
  legalName: 'SIA "Inomedis Aesthetic Group"',
  brand: 'Inomedis',
  registryCode: '40203138358',
  registryName: t('Latvijas Republikas Uzņēmumu reģistrs', 'Register of Enterprises of the Republic of Latvia'),
  legalAddress: { street: 'Meža prospekts 12–1', city: 'Jūrmala', postalCode: 'LV-2010', country: 'LV' },
  officeAddress: { street: 'G. Astras iela 1C, 2. stāvs', city: 'Rīga', postalCode: 'LV-1084', country: 'LV' },
  contact: {
    email: 'lv@inomedis.group',
    phone: '+371 25770445',
    web: 'https://inomedis.lv',
    instructions: t(
      'Jautājumus par personas datu apstrādi var uzdot pa e-pastu lv@inomedis.group, pa tālruni +371 25770445 vai rakstot uz Inomedis juridisko adresi. Pieprasījumus par savu tiesību īstenošanu ieteicams iesniegt rakstiski, pa e-pastu.',
      'Questions about the processing of personal data can be sent to lv@inomedis.group, asked by phone on +371 25770445, or sent in writing to Inomedis\'s legal address. Requests to exercise your rights are best made in writing, by e-mail.',
    ),
    ref: clauses('5', '7', '43'),
  },
  dpo: 'none',
  fieldRefs: {
    registryName: [assumed('1', 'the notice gives the registration number without naming the register; a Latvian company\'s number is given by the Register of Enterprises')],
    dpo: [assumed('5', 'no data protection officer assumed: the notice names none and says nothing about one')],
  },
  groupCompanies: [],
  jurisdiction: jurisdictionFor('LV', ['lv', 'en']),
  branding: {
    primaryColor: '#6D214F',
    accentColor: '#8A5A00',
    displayName: 'Inomedis',
    tagline: t('Jūsu dati – drošībā', 'Your data, kept safe'),
  },
  service: t(
    'Produktu pārdošana un pakalpojumu sniegšana estētikas jomā klātienē, pa tālruni, rakstiski un tīmekļvietnē inomedis.lv.',
    'Products and services in the field of aesthetics, sold and provided in person, by phone, on paper and through the website inomedis.lv.',
  ),
  documents: [{ id: 'notice', title: 'Inomedis privacy policy', language: 'lv', role: 'notice' }],
  rights: [
    {
      right: 'A15',
      description: t(
        'Saņemt Inomedis rīcībā esošo savu personas datu kopiju un informāciju par to, kā Inomedis apstrādā un aizsargā šos datus.',
        'To obtain a copy of your personal data held by Inomedis and information on how Inomedis processes and protects it.',
      ),
      ref: clauses('36', '43'),
    },
    {
      right: 'A16',
      description: t(
        'Labot visus Inomedis rīcībā esošos personas datus par sevi, paziņojot par izmaiņām.',
        'To have any personal data about you held by Inomedis corrected by telling it what has changed.',
      ),
      ref: clauses('37'),
    },
    {
      right: 'recipients-in-period',
      description: t(
        'Uzzināt, kuras fiziskās vai juridiskās personas noteiktā laika posmā no Inomedis ir saņēmušas informāciju par jums.',
        'To find out which natural or legal persons received information about you from Inomedis during a given period.',
      ),
      conditions: t(
        'Inomedis nesniedz ziņas par valsts iestādēm, kas ir kriminālprocesa virzītāji vai operatīvās darbības subjekti, kā arī par citām iestādēm, par kurām šādu ziņu izpaušanu aizliedz likums.',
        'Inomedis does not disclose state institutions that conduct criminal proceedings or carry out operational activities, nor other institutions whose identity the law forbids it to disclose.',
      ),
      ref: [clause('38', 'a right the notice grants beyond Art. 15(1)(c), which covers recipients or their categories but not a log per period')],
    },
    {
      right: 'A17',
      description: t(
        'Pieprasīt dzēst savus personas datus, ja tie vairs nav nepieciešami nolūkiem, kādiem tie tika vākti un apstrādāti, ja atsaucat piekrišanu, uz kuras pamata tos apstrādā, ja iebilstat pret to apstrādi un nav svarīgāku leģitīmu iemeslu to turpināt, ja tie apstrādāti nelikumīgi, ja to dzēšanu nosaka likums vai ja tie vākti no bērna saistībā ar informācijas sabiedrības pakalpojumu.',
        'To have your personal data erased where it is no longer needed for the purposes for which it was collected and processed, where you withdraw the consent it is processed on, where you object to its processing and there are no overriding legitimate grounds to continue, where it has been processed unlawfully, where the law requires its erasure, or where it was collected from a child in connection with an information-society service.',
      ),
      conditions: t(
        'Datus nedzēš, ja to glabāšanu nosaka likums vai tie nepieciešami tiesisku prasījumu celšanai vai aizstāvēšanai.',
        'Data is not erased where the law requires it to be kept or it is needed to establish or defend legal claims.',
      ),
      ref: [
        clause('39'),
        assumed('39', 'conditions added by Regula: the notice states the ground only; the exceptions of Art. 17(3)(b) and (e) are stated for it'),
        { source: 'GDPR', at: 'Art. 17(3)(b), (e)' },
        corrected('GDPR', 'Art. 17(1)', ERASURE_CORRECTION),
      ],
      limitedTo: {
        cases: ['17(1)(a)'],
        ref: [clause('39', 'erasure offered only for data no longer needed for its purposes'), corrected('GDPR', 'Art. 17(1)', ERASURE_CORRECTION)],
      },
    },
    {
      right: 'A18',
      description: t(
        'Pieprasīt ierobežot savu personas datu apstrādi, kamēr pārbauda jūsu apstrīdēto datu precizitāti, ja dati apstrādāti nelikumīgi un jūs dzēšanas vietā lūdzat ierobežot to izmantošanu, ja dati vairs nav nepieciešami nolūkiem, kādiem tie tika vākti un apstrādāti, bet jums tie vajadzīgi tiesisku prasījumu celšanai, īstenošanai vai aizstāvēšanai, vai kamēr izvērtē jūsu iebildumu pret apstrādi.',
        'To have the processing of your personal data restricted while the accuracy you contest is checked, where it has been processed unlawfully and you ask for restriction instead of erasure, where it is no longer needed for the purposes for which it was collected and processed but you need it to establish, exercise or defend legal claims, or while your objection to its processing is being considered.',
      ),
      ref: [clause('39'), corrected('GDPR', 'Art. 18(1)', RESTRICTION_CORRECTION)],
      limitedTo: {
        cases: ['18(1)(c)'],
        ref: [clause('39', 'restriction offered only for data no longer needed for its purposes'), corrected('GDPR', 'Art. 18(1)', RESTRICTION_CORRECTION)],
      },
    },
    {
      right: 'A20',
      description: t(
        'Saņemt savus personas datus, kas tiek apstrādāti automatizēti, un nodot tos citam pārzinim.',
        'To receive your personal data that is processed by automated means and to have it passed to another controller.',
      ),
      conditions: t(
        'Tiesības attiecas uz datiem, ko jūs esat sniedzis Inomedis un ko apstrādā, pamatojoties uz piekrišanu vai līgumu.',
        'The right covers data you provided yourself that is processed on the basis of consent or a contract.',
      ),
      ref: [
        clause('40'),
        assumed('40', 'conditions added by Regula: the consent-or-contract scope of Art. 20(1); the written request the notice requires is the identity rule (requests.identity.perRight.A20), from which the request page states the ways to make it'),
        { source: 'GDPR', at: 'Art. 20(1)' },
        corrected(
          'GDPR',
          'Art. 12(2), 12(6)',
          'clause 40 asks for a portability request in writing, read as a document with a secure (qualified) electronic signature or a request signed by hand; Regula also takes the hand-signed request as a scan or photo uploaded on its request page once the requester has confirmed the e-mail address with a code, so nobody needs a qualified electronic signature; a code sent to an e-mail address Inomedis already holds for the requester confirms the request by itself (recital 64; EDPB Guidelines 01/2022 §§ 70-77)',
        ),
      ],
    },
    {
      right: 'A21',
      description: t(
        'Jebkurā brīdī iebilst pret savu personas datu profilēšanu un, pamatojoties uz savu īpašo situāciju, pret jebkuru apstrādi, kuras pamatā ir Inomedis leģitīmās intereses.',
        'To object at any time to the profiling of your personal data and, on grounds relating to your particular situation, to any processing based on Inomedis\'s legitimate interests.',
      ),
      conditions: t(
        'Iebildums neietekmē apstrādes likumību līdz tā saņemšanai.',
        'An objection does not affect the lawfulness of processing before it was received.',
      ),
      ref: [...clauses('19.2', '21'), corrected('GDPR', 'Art. 21(1)', OBJECTION_CORRECTION)],
      limitedTo: {
        cases: ['21(2)'],
        ref: [clause('21', 'objection offered only to profiling and commercial messages'), corrected('GDPR', 'Art. 21(1)', OBJECTION_CORRECTION)],
      },
    },
    {
      right: 'A21-2',
      description: t(
        'Jebkurā brīdī un bez maksas atteikties no komercpaziņojumu saņemšanas un iebilst pret datu apstrādi tiešās tirgvedības nolūkos.',
        'To opt out of commercial communications and object to processing for direct marketing at any time and free of charge.',
      ),
      ref: clauses('20', '21'),
    },
    {
      right: 'A22',
      description: t(
        'Iebilst pret automatizētu lēmumu pieņemšanu un nebūt tāda lēmuma subjektam. Inomedis automatizētus lēmumus pieņem tikai komerciālos nolūkos, un tie nerada tiesiskas sekas.',
        'To object to automated decision-making and not to be subject to such a decision. Inomedis takes automated decisions for commercial purposes only, and they have no legal effects.',
      ),
      ref: [clause('19.2', 'granted beyond Art. 22(1), which covers only decisions with legal or similarly significant effects')],
    },
    {
      right: 'A7-3',
      description: t(
        'Jebkurā laikā atsaukt iepriekš sniegto piekrišanu, izmantojot Inomedis saziņas kanālus.',
        'To withdraw a consent you gave at any time, through Inomedis\'s contact channels.',
      ),
      conditions: t(
        'Atsaukums stājas spēkā, tiklīdz tas sasniedz Inomedis; savās sistēmās Inomedis to izpilda ne vēlāk kā trīs darba dienu laikā. Tas neietekmē apstrādes likumību, kas pamatojās uz piekrišanu pirms atsaukuma.',
        'The withdrawal takes effect as soon as it reaches Inomedis; Inomedis carries it out in its systems within three working days at the latest. It does not affect the lawfulness of processing based on the consent before it was withdrawn.',
      ),
      ref: [
        clause('15'),
        corrected(
          'GDPR',
          'Art. 7(3)',
          'the notice says a withdrawal "takes effect within three working days"; a withdrawal acts for the future from when it reaches the controller and must be as easy as giving consent, so Regula states it in effect on receipt and reads the three working days as Inomedis\'s outer limit for carrying it out',
        ),
      ],
    },
    {
      right: 'A77',
      description: t(
        'Iesniegt sūdzību Datu valsts inspekcijā (Elijas iela 17, Rīga, LV-1050; info@dvi.gov.lv; +371 67 223 131).',
        'To lodge a complaint with the Data State Inspectorate (Elijas iela 17, Rīga, LV-1050; info@dvi.gov.lv; +371 67 223 131).',
      ),
      ref: clauses('42'),
    },
  ],
  requests: {
    channels: [
      {
        kind: 'e-mail',
        value: t('lv@inomedis.group', 'lv@inomedis.group'),
        ref: clauses('7', '21', '36', '37', '43'),
      },
      {
        kind: 'post',
        value: t(
          'SIA "Inomedis Aesthetic Group", Meža prospekts 12–1, Jūrmala, LV-2010',
          'SIA "Inomedis Aesthetic Group", Meža prospekts 12–1, Jūrmala, LV-2010, Latvia',
        ),
        ref: [clause('7', '"by addressing the company\'s legal address"')],
      },
      {
        kind: 'phone',
        value: t(
          '+371 25770445 (jautājumiem par datu apstrādi)',
          '+371 25770445 (questions about the processing)',
        ),
        ref: [clause('7', 'given for questions about processing; a request received by phone is still a request (EDPB 01/2022 §157) and is confirmed in writing')],
      },
    ],
    identity: {
      default: 'email-link',
      perRight: { A20: 'qualified-e-signature' },
      description: t(
        'Pieprasījumu apstiprina ar kodu vai saiti, ko nosūta uz jūsu e-pasta adresi. Pieprasījumu var iesniegt arī kā dokumentu, kas parakstīts ar drošu elektronisko parakstu. Datu pārnesamības pieprasījums jāiesniedz rakstveidā: elektroniski ar drošu elektronisko parakstu vai papīra formā ar paša parakstu.',
        'A request is confirmed with a code or link sent to your e-mail address. A request may also be submitted as a document signed with a secure (qualified) electronic signature. A portability request must be made in writing: electronically with a secure electronic signature, or on paper signed by hand.',
      ),
      ref: [
        clause('21', 'objections and opt-outs may be signed with a secure electronic signature or simply e-mailed: the signature is an option, not a requirement'),
        corrected(
          'EDPB-01/2022',
          '§§ 60-79',
          'the notice asks for a request signed with a secure electronic signature or sent to lv@inomedis.group and states no check of who sent it; Regula also takes requests on its request page and confirms them with a code sent to the requester\'s e-mail address, the proportionate check the law allows (Art. 12(2), 12(6))',
        ),
        assumed(
          '40',
          'portability "by written request" read by Regula as a secure electronic signature for an electronic request (the written form of an electronic document under Latvian law) or a hand-signed paper request by post',
        ),
      ],
    },
    responseMonths: 1,
    extensionMonths: 2,
    consentWithdrawalWorkingDays: 3,
    electronicReply: true,
    excessiveRequests: {
      fee: false,
      refuse: false,
      ref: [clause('20', 'opt-outs are free of charge; the notice reserves neither a fee nor a refusal'), { source: 'GDPR', at: 'Art. 12(5)' }],
    },
    ref: [clause('7'), clause('15')],
    fieldRefs: {
      responseMonths: [{ source: 'GDPR', at: 'Art. 12(3)', note: 'the notice states no time limit: the law\'s one month applies' }],
      extensionMonths: [{ source: 'GDPR', at: 'Art. 12(3)', note: 'the law\'s extension by two further months' }],
      consentWithdrawalWorkingDays: [clause('15', 'Inomedis carries out a withdrawal within three working days (Latvian working days): an outer limit from receipt, not a delay of its effect (GDPR Art. 7(3))')],
      electronicReply: [{ source: 'GDPR', at: 'Art. 12(3)', note: 'a request made electronically is answered electronically unless the subject asks otherwise' }],
    },
  },
  children: {
    minimumAge: 13,
    statement: t(
      'Inomedis pakalpojumi nav paredzēti bērniem. Ja informācijas sabiedrības pakalpojumam (piemēram, sīkdatnēm vai jaunumu saņemšanai) piekrišanu dod bērns, kas jaunāks par 13 gadiem, tā ir spēkā tikai tad, ja to devis vai apstiprinājis bērna vecāks vai aizbildnis.',
      'Inomedis\'s services are not directed at children. Where consent to an information-society service (such as cookies or a newsletter) is given by a child under 13, it is valid only if given or authorised by the child\'s parent or guardian.',
    ),
    ref: [
      assumed('2', 'the notice says nothing about children: the statement and the minimum age of 13 (the Latvian Art. 8 age) are Regula\'s default'),
      { source: 'LV-FPDAL', at: 'Art. 33' },
      { source: 'GDPR', at: 'Art. 8(1)' },
    ],
  },
  policyChanges: {
    channels: ['website', 'e-mail'],
    archive: false,
    description: t(
      'Privātuma politiku var grozīt vai papildināt jebkurā laikā; aktuālā versija ir pieejama Inomedis tīmekļvietnē. Par būtiskām izmaiņām, kas var ietekmēt datu subjekta tiesības vai brīvības, Inomedis datu subjektu informē.',
      'The privacy policy may be changed or supplemented at any time; the current version is published on the Inomedis website. Inomedis informs data subjects of significant changes that may affect their rights or freedoms.',
    ),
    // E-mail about material changes goes to those holding an account: clients with a live record there.
    accountRegisters: ['clients'],
    ref: [
      clause('41'),
      clause('44', 'repeats clause 41'),
      assumed('41', 'channel e-mail assumed: the notice promises to inform subjects of significant changes without naming a channel; no archive of earlier versions is promised'),
    ],
  },
  notice: {
    authorityName: { name: 'Datu valsts inspekcija', ref: clauses('35', '42') },
    remarks: [
      {
        severity: 'warning',
        text: t(
          'Paziņojums piedāvā atteikties no sīkdatnēm pārlūkprogrammas iestatījumos. Funkcionālajām, analītiskajām un reklāmas sīkdatnēm nepieciešama iepriekšēja piekrišana; pārlūkprogrammas iestatījumi nav derīga piekrišana.',
          'The notice tells visitors to refuse cookies in their browser settings. Functional, analytical and advertising cookies need prior consent; browser settings are not valid consent.',
        ),
        ref: [clause('24'), { source: 'LV-ISPL', at: 'Art. 7.1' }, { source: 'ePrivacy', at: 'Art. 5(3)', note: 'CJEU C-673/17 Planet49: consent requires an active choice' }],
      },
      {
        severity: 'warning',
        text: t(
          'Paziņojumā nosauktas tikai sīkdatņu kategorijas (funkcionālās, analītiskās, reklāmas un obligātās), bez sīkdatņu nosaukumiem, nodrošinātājiem un glabāšanas termiņiem. Reģistrā katra kategorija ir viens ieraksts; tā nodrošinātājs un glabāšanas termiņš ir pieņēmumi, līdz pārzinis tos apstiprina.',
          'The notice names only cookie categories (functional, analytical, advertising and necessary), with no cookie names, providers or expiry. Each category is one entry in the register; its provider and expiry are assumed until the controller confirms them.',
        ),
        ref: clauses('25', '22'),
      },
      {
        severity: 'warning',
        text: t(
          'Paziņojumā nav minēta datu nosūtīšana uz trešajām valstīm, taču analītikas un reklāmas sīkdatņu nodrošinātāji bieži atrodas ārpus EEZ. Reģistros norādīts, ka nosūtīšanas nav; tas ir pieņēmums, līdz pārzinis to apstiprina.',
          'The notice says nothing about transfers to third countries, yet analytics and advertising cookie providers are often outside the EEA. The registers record no transfers; that is assumed until the controller confirms it.',
        ),
        ref: [clause('25'), clause('34'), { source: 'GDPR', at: 'Art. 13(1)(f)' }],
      },
      {
        severity: 'warning',
        text: t(
          '16. punkts aizliedz izpaust datus trešajām personām, izņemot iestādes, bet 30. punkts atļauj datus kopīgot ar partneriem un aģentiem. Paziņojums ir pretrunīgs.',
          'Clause 16 forbids disclosure to third parties other than authorities, yet clause 30 allows sharing with partners and agents. The notice contradicts itself.',
        ),
        ref: clauses('16', '30.1'),
      },
      {
        severity: 'warning',
        text: t(
          'Paziņojumā nav glabāšanas termiņu, tikai 29. punkta nosacījumi. Nosacījums "kamēr nav atsaukta piekrišana" var turpināties bez beigām. Reģistros termiņi ir pieņēmumi, līdz pārzinis tos apstiprina.',
          'The notice gives no storage periods, only the conditions of clause 29. The condition "while consent has not been withdrawn" can last indefinitely. The periods in the registers are assumed until the controller confirms them.',
        ),
        ref: [clause('29'), { source: 'GDPR', at: 'Art. 13(2)(a)' }],
      },
      {
        severity: 'info',
        text: t(
          '14. punktā tiesiskie pamati uzskaitīti, nepiesaistot tos konkrētiem nolūkiem; nolūku un pamatu sasaiste reģistros ir mūsu izvērtējums, un pamati, ko paziņojums nepiesaista nolūkam, ir atzīmēti kā pieņēmumi.',
          'Clause 14 lists legal bases without tying them to purposes; the mapping of purposes to bases in the registers is our assessment, and the bases the notice does not tie to a purpose are marked assumed.',
        ),
        ref: clauses('14'),
      },
      {
        severity: 'info',
        text: t(
          'Komercpaziņojumiem pa e-pastu, ko sūta uz leģitīmo interešu pamata, jāatbilst Informācijas sabiedrības pakalpojumu likumam: bez piekrišanas tos drīkst sūtīt tikai esošiem klientiem par līdzīgiem Inomedis produktiem, piedāvājot vienkāršu atteikšanos.',
          'Commercial e-mails sent on the basis of legitimate interests must comply with the Information Society Services Law: without consent they may go only to existing clients, about similar Inomedis products, with an easy opt-out.',
        ),
        ref: [clause('14'), clause('20'), { source: 'LV-ISPL', at: 'Art. 9' }],
      },
      {
        severity: 'info',
        text: t(
          'Paziņojumā nav apraksta par profilēšanas loģiku. Tā kā lēmumiem nav tiesisku vai līdzīgi būtisku seku, 13. panta 2. punkta f) apakšpunkts to stingri neprasa, tomēr īss apraksts veicinātu pārredzamību.',
          'The notice does not describe the logic of the profiling. As the decisions have no legal or similarly significant effects, Art. 13(2)(f) does not strictly require it, but a short description would aid transparency.',
        ),
        ref: [clause('19.2'), { source: 'GDPR', at: 'Art. 13(2)(f)' }],
      },
      {
        severity: 'info',
        text: t(
          'Paziņojumā nekas nav teikts par bērniem; 13 gadu vecuma robeža ir Latvijas likumā noteiktā robeža, nevis Inomedis paziņojums, un paziņojums par bērniem ir pieņēmums, līdz pārzinis to apstiprina.',
          'The notice says nothing about children; the age of 13 is the Latvian statutory threshold, not a statement of Inomedis, and the statement on children is assumed until the controller confirms it.',
        ),
        ref: [{ source: 'LV-FPDAL', at: 'Art. 33' }],
      },
      {
        severity: 'info',
        text: t(
          'Paziņojumā nav noteikts pieprasījumu izpildes termiņš; piemēro VDAR noteikto vienu mēnesi, ko var pagarināt vēl par diviem mēnešiem.',
          'The notice states no time limit for answering requests; the GDPR\'s one month, extendable by two further months, applies.',
        ),
        ref: [{ source: 'GDPR', at: 'Art. 12(3)' }],
      },
      {
        severity: 'info',
        text: t(
          'Par datiem, kas saņemti no partneriem, Inomedis viena mēneša laikā jāinformē datu subjekts, tostarp par datu kategorijām un avotu; paziņojumā tie nav nosaukti.',
          'For data received from partners, Inomedis must inform the data subject within one month, including of the data categories and the source; the notice names neither.',
        ),
        ref: [clause('27'), clause('28'), { source: 'GDPR', at: 'Art. 14(1)(d), (2)(f), (3)(a)' }],
      },
      {
        severity: 'info',
        text: t(
          'Paziņojums nemin īpašu kategoriju (piemēram, veselības) datus. Ja estētikas pakalpojumi ietver procedūras, šādi dati var rasties, un tiem būtu nepieciešams 9. panta nosacījums.',
          'The notice mentions no special-category data (such as health data). If the aesthetic services include treatments, such data may arise and would need an Art. 9 condition.',
        ),
        ref: [clause('18.4'), { source: 'GDPR', at: 'Art. 9' }],
      },
      {
        severity: 'info',
        text: t(
          '6. punkts pārzini apraksta tā, it kā tas būtu apstrādātājs, kas rīkojas pēc Inomedis norādījumiem, un 18. punkts atsaucas uz neesošu "IV. punktu". Tās ir redakcionālas kļūdas.',
          'Clause 6 describes the controller as if it were a processor acting on Inomedis\'s instructions, and clause 18 refers to a "section IV" that the notice does not number. These are drafting errors.',
        ),
        ref: clauses('6', '18'),
      },
    ],
  },
};
