import { ControllerDefinition, Jurisdiction, NATIONAL_RULES, RightStatement, SourceDocument, jurisdictionFor } from '@regula/engine';
import { DEFAULT_NOTE, EmptyNoticeSection, NOTICE, SEED_001, assumed, corrected, fills, law, notice, noticeSectionTitle, seed, tx } from './refs';
import { cloudService } from './registers/cloud-service.register';
import { customerRelationship } from './registers/customer-relationship.register';
import { directMarketing } from './registers/direct-marketing.register';
import { logData } from './registers/log-data.register';
import { portalAccounts } from './registers/portal-accounts.register';
import { privacyContacts } from './registers/privacy-contacts.register';

const documents: SourceDocument[] = [
  { id: NOTICE, title: 'Baltic Lasers client portal privacy policy (Medical Management OÜ)', language: 'en', date: '2026-05', role: 'notice' },
  { id: SEED_001, title: 'Customer and Marketing Register description', language: 'en', date: '2019-02-09', role: 'register-description' },
];

/**
 * Estonia, published in English, Estonian and Lithuanian. The catalogue names
 * the national acts in English and Estonian only; the Lithuanian names are
 * added here because every text of this controller is published in all three.
 */
const base = jurisdictionFor('EE', ['en', 'et', 'lt']);
const jurisdiction: Jurisdiction = {
  ...base,
  nationalAct: { ...base.nationalAct, name: { ...base.nationalAct.name, lt: 'Estijos asmens duomenų apsaugos įstatymas (2019 m.)' } },
  eCommunicationsAct: { ...NATIONAL_RULES.EE.eCommunicationsAct, name: { ...NATIONAL_RULES.EE.eCommunicationsAct.name, lt: 'Estijos elektroninių ryšių įstatymas' } },
};

const rightsRef = (note?: string) => [fills('rights', 7, note), notice(7, 'the list of rights is empty')];

const rights: RightStatement[] = [
  {
    right: 'A15',
    description: tx(
      'You may see the personal data about you that is stored in our registers.',
      'Teil on õigus tutvuda meie registrites säilitatavate teid puudutavate isikuandmetega.',
      'Jūs turite teisę susipažinti su mūsų registruose saugomais jūsų asmens duomenimis.',
    ),
    ref: rightsRef('right to inspect the personal data stored in the register'),
  },
  {
    right: 'A16',
    description: tx(
      'You may have inaccurate or outdated data corrected; data you can reach in the portal you may also correct yourself.',
      'Teil on õigus nõuda ebaõigete või aegunud andmete parandamist; portaalis kättesaadavaid andmeid võite parandada ka ise.',
      'Jūs turite teisę reikalauti ištaisyti netikslius ar pasenusius duomenis; portale prieinamus duomenis galite ištaisyti ir patys.',
    ),
    ref: rightsRef('rectification of erroneous or outdated data; "if you have access to your data, you may modify the data yourself"'),
  },
  {
    right: 'A17',
    description: tx(
      'You may have data erased that is unnecessary, outdated or unlawfully processed.',
      'Teil on õigus nõuda ebavajalike, aegunud või ebaseaduslikult töödeldud andmete kustutamist.',
      'Jūs turite teisę reikalauti ištrinti nereikalingus, pasenusius ar neteisėtai tvarkomus duomenis.',
    ),
    ref: rightsRef('erasure of erroneous, outdated, unnecessary or illegal data'),
  },
  {
    right: 'A18',
    description: tx(
      'You may ask us to restrict the processing of your data.',
      'Teil on õigus nõuda oma andmete töötlemise piiramist.',
      'Jūs turite teisę prašyti apriboti jūsų duomenų tvarkymą.',
    ),
    ref: rightsRef('request restricting the processing'),
  },
  {
    right: 'A20',
    description: tx(
      'You may receive the data you have given us, in a machine-readable format, and have it transferred to another controller.',
      'Teil on õigus saada meile esitatud andmed masinloetaval kujul ja lasta need üle kanda teisele vastutavale töötlejale.',
      'Jūs turite teisę gauti mums pateiktus duomenis kompiuterio skaitomu formatu ir reikalauti juos perduoti kitam duomenų valdytojui.',
    ),
    conditions: tx(
      'Applies to data you provided on the basis of your consent or of a contract.',
      'Kehtib andmete kohta, mille olete esitanud oma nõusoleku või lepingu alusel.',
      'Taikoma duomenims, kuriuos pateikėte savo sutikimo arba sutarties pagrindu.',
    ),
    ref: rightsRef('portability of data provided on the basis of consent or commission'),
  },
  {
    right: 'A21',
    description: tx(
      'On grounds relating to your particular situation you may object to processing, including profiling, that we base on our legitimate interest.',
      'Oma konkreetsest olukorrast tulenevatel põhjustel võite esitada vastuväite töötlemisele, sealhulgas profiilianalüüsile, mis põhineb meie õigustatud huvil.',
      'Dėl su jūsų konkrečia situacija susijusių priežasčių galite nesutikti, kad jūsų duomenys būtų tvarkomi, įskaitant profiliavimą, mūsų teisėto intereso pagrindu.',
    ),
    conditions: tx(
      'Tell us the situation on which the objection is based. We may continue only if we show compelling legitimate grounds or need the data for legal claims.',
      'Palun kirjeldage olukorda, millel vastuväide põhineb. Võime töötlemist jätkata üksnes siis, kui tõendame mõjuvaid õiguspäraseid põhjusi või vajame andmeid õigusnõuete jaoks.',
      'Nurodykite situaciją, kuria grindžiamas prieštaravimas. Duomenis toliau tvarkyti galime tik tuo atveju, jei įrodome įtikinamas teisėtas priežastis arba jei duomenys reikalingi teisiniams reikalavimams.',
    ),
    ref: [...rightsRef('object on grounds of a specific situation; refusal only on legal grounds'), law('GDPR', 'Art. 21(1)')],
  },
  {
    right: 'A21-2',
    description: tx(
      'You may object at any time and free of charge to direct marketing, including profiling related to it; we then stop.',
      'Võite igal ajal ja tasuta esitada vastuväite otseturundusele, sealhulgas sellega seotud profiilianalüüsile; seejärel me selle lõpetame.',
      'Bet kada ir nemokamai galite nesutikti su tiesiogine rinkodara, įskaitant su ja susijusį profiliavimą; tuomet ją nutrauksime.',
    ),
    ref: rightsRef('object at any time free of charge, including profiling related to direct marketing'),
  },
  {
    right: 'A7-3',
    description: tx(
      'Where we process data on the basis of your consent, you may withdraw or change the consent at any time; withdrawal takes effect immediately.',
      'Kui töötleme andmeid teie nõusoleku alusel, võite nõusoleku igal ajal tagasi võtta või seda muuta; tagasivõtmine jõustub kohe.',
      'Jei duomenis tvarkome jūsų sutikimo pagrindu, bet kada galite sutikimą atšaukti ar pakeisti; atšaukimas įsigalioja nedelsiant.',
    ),
    ref: [...rightsRef('withdraw or change consent'), law('GDPR', 'Art. 7(3)', 'effective immediately: the sources set no delay')],
  },
  {
    right: 'A77',
    description: tx(
      'You may lodge a complaint with the supervisory authority, the Estonian Data Protection Inspectorate.',
      'Teil on õigus esitada kaebus järelevalveasutusele, Andmekaitse Inspektsioonile.',
      'Jūs turite teisę pateikti skundą priežiūros institucijai – Estijos duomenų apsaugos inspekcijai.',
    ),
    ref: [...rightsRef('lodge a complaint with a supervisory authority; neither source names it'), law('LEGAL-NOTES', 'Supervisory authorities', 'the authority of the controller\'s establishment (Estonia)')],
  },
];

const EMPTY_SECTIONS: EmptyNoticeSection[] = [2, 3, 4, 6, 7, 8];

export const definition: ControllerDefinition = {
  slug: 'medical-management',
  legalName: 'Medical Management OÜ',
  brand: 'Baltic Lasers',
  registryCode: '12273223',
  vatNumber: 'EE101798101',
  legalAddress: { street: 'Raua tn 32-37', postalCode: '10120', city: 'Tallinn', region: 'Harjumaa', country: 'EE' },
  contact: {
    email: 'sales@baltic-lasers.eu',
    phone: '+372 5559 2055',
    web: 'https://balticlasers.sheer.ee',
    instructions: tx(
      'For privacy questions, write to this address with "Privacy" in the subject line. Send rights requests from the e-mail address registered with your portal account.',
      'Andmekaitseküsimuste korral kirjutage sellel aadressil, märkides teemareale „Privacy“. Õiguste kasutamise taotlused saatke oma portaali kontoga seotud e-posti aadressilt.',
      'Dėl privatumo klausimų rašykite šiuo adresu, laiško temoje nurodydami „Privacy“. Prašymus dėl teisių siųskite iš el. pašto adreso, susieto su jūsų portalo paskyra.',
    ),
    ref: [notice(1), notice(7), notice('intro', 'the portal address; the https scheme follows from the TLS promise of § 9')],
  },
  dpo: 'none',
  fieldRefs: {
    dpo: [assumed(1, 'neither source names a data protection officer: "none" assumed (no Art. 37(1) assessment stated; patient health data may call for one)')],
  },
  groupCompanies: [],
  jurisdiction,
  branding: {
    primaryColor: '#0B4F6C',
    accentColor: '#9B2226',
    displayName: 'Baltic Lasers',
    tagline: tx('Client portal', 'Kliendiportaal', 'Klientų portalas'),
  },
  service: tx(
    'The Baltic Lasers client portal, a business-to-business tool in which the authorised employees of our customers manage their account, upload and share recordings and communicate with patients and colleagues.',
    'Baltic Lasersi kliendiportaal on ettevõtetele mõeldud töövahend, milles meie klientide volitatud töötajad haldavad oma kontot, laadivad üles ja jagavad salvestisi ning suhtlevad patsientide ja kolleegidega.',
    'Baltic Lasers klientų portalas – verslui skirta priemonė, kurioje mūsų klientų įgalioti darbuotojai tvarko savo paskyrą, įkelia ir bendrina įrašus bei bendrauja su pacientais ir kolegomis.',
  ),
  documents,
  registers: [portalAccounts, customerRelationship, cloudService, directMarketing, logData, privacyContacts],
  rights,
  requests: {
    channels: [
      {
        kind: 'e-mail',
        value: tx(
          'sales@baltic-lasers.eu, from the e-mail address registered with your account',
          'sales@baltic-lasers.eu, kontoga seotud e-posti aadressilt',
          'sales@baltic-lasers.eu, iš su paskyra susieto el. pašto adreso',
        ),
        ref: [notice(7)],
      },
      {
        kind: 'post',
        value: tx(
          'In writing to Medical Management OÜ, Raua tn 32-37, 10120 Tallinn, Estonia',
          'Kirjalikult aadressil Medical Management OÜ, Raua tn 32-37, 10120 Tallinn',
          'Raštu adresu Medical Management OÜ, Raua tn 32-37, 10120 Talinas, Estija',
        ),
        ref: [seed('contact', 'in writing; the "section two" it refers to is missing from the register description, so the address is the legal address from § 1 of the notice'), notice(1)],
      },
      {
        kind: 'in-person',
        value: tx(
          'In person at Raua tn 32-37, 10120 Tallinn',
          'Isiklikult aadressil Raua tn 32-37, 10120 Tallinn',
          'Asmeniškai adresu Raua tn 32-37, 10120 Talinas',
        ),
        ref: [seed('contact', `in person; the legal address is assumed to receive visitors (${DEFAULT_NOTE})`), notice(1)],
      },
    ],
    identity: {
      default: 'email-link',
      description: tx(
        'We identify you by the e-mail address registered with your portal account: requests must come from that address, and we reply to it. If you have no account, we ask only for the information we need to find and confirm your data.',
        'Tuvastame teid portaali kontoga seotud e-posti aadressi järgi: taotlus peab tulema sellelt aadressilt ja vastame samale aadressile. Kui teil kontot ei ole, küsime ainult teavet, mida vajame teie andmete leidmiseks ja kinnitamiseks.',
        'Jūsų tapatybę nustatome pagal su portalo paskyra susietą el. pašto adresą: prašymas turi būti išsiųstas iš šio adreso, ir atsakome tuo pačiu adresu. Jei paskyros neturite, prašome tik tos informacijos, kurios reikia jūsų duomenims rasti ir patvirtinti.',
      ),
      ref: [
        notice(7, 'write from the e-mail address registered with your account'),
        corrected('EDPB-01/2022', '§§ 60-79', 'the notice identifies requesters only by the e-mail address of their portal account; a person without an account (a patient, a contact person) must be able to exercise rights too (GDPR Art. 12(2), 12(6)), so Regula confirms the address by a link and asks only for what is needed to find the data'),
      ],
    },
    responseMonths: 1,
    extensionMonths: 2,
    consentWithdrawalWorkingDays: 0,
    electronicReply: true,
    excessiveRequests: {
      fee: false,
      refuse: false,
      ref: [seed('rights', 'objection is free of charge; neither source reserves a fee or refusal for manifestly unfounded or excessive requests (GDPR Art. 12(5))')],
    },
    ref: [notice(7, 'we respond within one month')],
    fieldRefs: {
      extensionMonths: [law('GDPR', 'Art. 12(3)', 'the extension by two further months comes from the Regulation, not from the notice')],
      electronicReply: [law('GDPR', 'Art. 12(3)', 'an electronic request is answered electronically: the Regulation, not the notice')],
      consentWithdrawalWorkingDays: [assumed(7, 'the sources set no delay for a withdrawal of consent to take effect; Regula’s default is at once (GDPR Art. 7(3))')],
    },
  },
  children: {
    minimumAge: 16,
    statement: tx(
      'The portal is a business tool for authorised employees of our customers. It is not intended for children under 16, and we do not knowingly collect personal data from minors.',
      'Portaal on ettevõtete töövahend meie klientide volitatud töötajatele. See ei ole mõeldud alla 16-aastastele lastele ja me ei kogu teadlikult alaealiste isikuandmeid.',
      'Portalas yra verslo priemonė, skirta mūsų klientų įgaliotiems darbuotojams. Jis nėra skirtas jaunesniems nei 16 metų vaikams, ir mes sąmoningai nerenkame nepilnamečių asmens duomenų.',
    ),
    ref: [notice(10, 'the register description gives 13 instead ("we do not specifically market to children under 13"); the notice is the controller’s own statement')],
  },
  policyChanges: {
    channels: ['login-page', 'dashboard', 'e-mail'],
    archive: false,
    description: tx(
      'Material changes are announced on the login page, on the dashboard after sign-in and by e-mail to active account holders.',
      'Olulistest muudatustest teatatakse sisselogimislehel, pärast sisselogimist töölaual ja e-kirjaga aktiivsetele kontoomanikele.',
      'Apie esminius pakeitimus skelbiama prisijungimo puslapyje, prisijungus – valdymo skydelyje ir el. laišku aktyviems paskyrų turėtojams.',
    ),
    // E-mail about material changes goes to those holding an account: clients with a live record there.
    accountRegisters: ['portal-accounts'],
    ref: [notice(11, 'the older register description says: by e-mail or a prominent notice on the service; neither source keeps an archive of earlier versions')],
  },
  securityReports: {
    acknowledgeWithinHours: 72,
    channel: tx(
      'By e-mail to sales@baltic-lasers.eu',
      'E-posti teel aadressil sales@baltic-lasers.eu',
      'El. paštu adresu sales@baltic-lasers.eu',
    ),
    ref: [notice(9, 'reports by e-mail, acknowledged within 72 hours; the only address the notice gives is the one in § 1')],
  },
  notice: {
    transferBoundary: {
      region: 'USA',
      ref: [seed('disclosures', '"we do not disclose personal data outside of USA"; "standard contractual clauses accepted by USA"')],
    },
    trackersMentioned: [
      { name: 'Google Analytics', ref: [seed('sources', '"we may use third party services such as Google Analytics"')] },
    ],
    noThirdPartyTrackers: {
      ref: [notice(4, 'no third-party tracking, advertising or analytics scripts on the portal pages used by signed-in clients'), notice(8)],
    },
    childrenAges: [
      { age: 16, ref: [notice(10)] },
      { age: 13, ref: [seed('disclosures', 'we do not specifically market to children under 13')] },
    ],
    emptySections: EMPTY_SECTIONS.map((section) => ({
      section: noticeSectionTitle(section),
      filledFrom: SEED_001,
      ref: [notice(section, 'a heading followed by an empty list')],
    })),
    changeClause: { says: 'continued-use-is-consent', ref: [seed('changes', 'continued use after changes are posted "will constitute your acknowledgment of the modifications and your consent"')] },
    remarks: [
      {
        severity: 'warning',
        text: tx(
          'The notice names no cookies or storage entries. One first-party session cookie and one browser-storage entry are modelled generically as strictly necessary; their real names, types and lifetimes must be obtained from the controller.',
          'Teates ei ole nimetatud ühtegi küpsist ega salvestuskirjet. Üks esimese osapoole seansiküpsis ja üks brauserisalvestuse kirje on siin üldiselt kirjeldatud hädavajalikena; nende tegelikud nimed, liigid ja kehtivusajad tuleb vastutavalt töötlejalt järele küsida.',
          'Pranešime nenurodytas nė vienas slapukas ar saugyklos įrašas. Vienas pirmosios šalies seanso slapukas ir vienas naršyklės saugyklos įrašas čia aprašyti bendrai kaip būtinieji; tikruosius jų pavadinimus, tipus ir galiojimo laiką reikia gauti iš duomenų valdytojo.',
        ),
        ref: [notice(8, 'the list of cookies is empty'), fills('sources', 8, 'cookies are used; no names given')],
      },
      {
        severity: 'warning',
        text: tx(
          'Neither source gives a retention period ("as long as necessary"). The periods in the registers are the Accounting Act period for accounting records and defaults chosen for everything else; the controller must confirm them.',
          'Kummaski allikas ei ole säilitamistähtaega määratud („nii kaua, kui vajalik“). Registrites on raamatupidamisdokumentide puhul kasutatud raamatupidamise seaduse tähtaega ja kõige muu puhul vaikimisi valitud tähtaegu; vastutav töötleja peab need kinnitama.',
          'Nė viename šaltinyje nenurodytas saugojimo terminas („tiek, kiek reikia“). Registruose apskaitos dokumentams taikomas Apskaitos įstatymo terminas, o visiems kitiems duomenims – pasirinkti numatytieji terminai; duomenų valdytojas turi juos patvirtinti.',
        ),
        ref: [notice(6, 'the retention section is empty'), seed('protection', 'we store the personal data for as long as is necessary')],
      },
      {
        severity: 'warning',
        text: tx(
          'Users exchange messages with patients and upload recordings in the cloud service. These may reveal health data (GDPR Art. 9), and for patient data our customers may be the controllers and we their processor. Neither source addresses this; the role, the Art. 9 condition and a DPIA must be settled with the controller.',
          'Kasutajad vahetavad pilveteenuses sõnumeid patsientidega ja laadivad üles salvestisi. Need võivad sisaldada terviseandmeid (IKÜM art 9) ning patsientide andmete puhul võivad vastutavad töötlejad olla meie kliendid ja meie nende volitatud töötleja. Kumbki allikas seda ei käsitle; roll, artikli 9 alus ja mõjuhinnang tuleb vastutava töötlejaga kokku leppida.',
          'Naudotojai debesijos paslaugoje keičiasi žinutėmis su pacientais ir įkelia įrašus. Juose gali būti sveikatos duomenų (BDAR 9 straipsnis), o pacientų duomenų atžvilgiu duomenų valdytojai gali būti mūsų klientai, o mes – jų duomenų tvarkytojas. Nė vienas šaltinis to neaptaria; vaidmenis, 9 straipsnio sąlygą ir poveikio vertinimą būtina suderinti su duomenų valdytoju.',
        ),
        ref: [seed('basis', 'communicate with patients and colleagues'), seed('data', 'recordings, messages to your colleagues and clients')],
      },
      {
        severity: 'warning',
        text: tx(
          'The two sources give different ages for children: the portal notice says the portal is not directed at children under 16, the register description that it does not specifically market to children under 13. The definition uses 16; the published texts must state one age.',
          'Allikad nimetavad laste puhul erinevaid vanuseid: portaali teate kohaselt ei ole portaal mõeldud alla 16-aastastele, registri kirjelduse kohaselt ei suunata turundust spetsiaalselt alla 13-aastastele. Käesolevas kirjelduses on kasutatud vanust 16; avaldatud tekstides peab olema üks vanus.',
          'Šaltiniuose nurodomas skirtingas vaikų amžius: portalo pranešime teigiama, kad portalas neskirtas jaunesniems nei 16 metų asmenims, o registro apraše – kad rinkodara nėra specialiai skirta jaunesniems nei 13 metų vaikams. Šiame aprašyme naudojamas 16 metų amžius; paskelbtuose tekstuose turi būti nurodytas vienas amžius.',
        ),
        ref: [notice(10), seed('disclosures', 'we do not specifically market to children under 13')],
      },
      {
        severity: 'warning',
        text: tx(
          'Patients are not portal users, so the statement that the portal is not directed at children under 16 does not settle whether the patients in messages and recordings include minors.',
          'Patsiendid ei ole portaali kasutajad, mistõttu väide, et portaal ei ole mõeldud alla 16-aastastele, ei selgita, kas sõnumites ja salvestistes esinevate patsientide seas on alaealisi.',
          'Pacientai nėra portalo naudotojai, todėl teiginys, kad portalas neskirtas jaunesniems nei 16 metų asmenims, neatsako, ar tarp žinutėse ir įrašuose minimų pacientų yra nepilnamečių.',
        ),
        ref: [notice(10), seed('basis', 'communicate with patients')],
      },
      {
        severity: 'warning',
        text: tx(
          'The register description says that continued use of the service after a change counts as consent to the changed policy. That is not valid consent under GDPR Art. 4(11) and 7; changes cannot extend the legal bases this way.',
          'Registri kirjelduse kohaselt loetakse teenuse edasist kasutamist pärast muudatust nõusolekuks muudetud privaatsuspoliitikaga. See ei ole kehtiv nõusolek IKÜM artikli 4 punkti 11 ja artikli 7 tähenduses; muudatustega ei saa õiguslikke aluseid sel viisil laiendada.',
          'Registro apraše teigiama, kad tolesnis naudojimasis paslauga po pakeitimo laikomas sutikimu su pakeista politika. Tai nėra galiojantis sutikimas pagal BDAR 4 straipsnio 11 punktą ir 7 straipsnį; tokiu būdu pakeitimais negalima išplėsti teisinių pagrindų.',
        ),
        ref: [seed('changes', 'continued use constitutes consent to the modified policy'), law('GDPR', 'Art. 4(11), Art. 7')],
      },
      {
        severity: 'warning',
        text: tx(
          'The register description allows disclosure to outside parties after mere advance notice. A disclosure needs its own legal basis; notice alone is not enough.',
          'Registri kirjelduse kohaselt võib andmeid avaldada välistele isikutele pelgalt eelneva teate alusel. Andmete avaldamiseks on vaja eraldi õiguslikku alust; teavitamisest üksi ei piisa.',
          'Registro apraše leidžiama atskleisti duomenis išorės šalims vien iš anksto pranešus. Duomenims atskleisti reikia atskiro teisinio pagrindo; vien pranešimo nepakanka.',
        ),
        ref: [seed('disclosures', 'unless we provide you with advance notice'), law('GDPR', 'Art. 6(1)')],
      },
      {
        severity: 'warning',
        text: tx(
          'Neither source names the supervisory authority, although the right to complain must be stated with it; the Estonian Data Protection Inspectorate (AKI) is the competent authority.',
          'Kumbki allikas ei nimeta järelevalveasutust, kuigi kaebeõigusest teavitamisel tuleb see nimetada; pädev asutus on Andmekaitse Inspektsioon.',
          'Nė viename šaltinyje nenurodyta priežiūros institucija, nors informuojant apie teisę pateikti skundą ją būtina nurodyti; kompetentinga institucija yra Estijos duomenų apsaugos inspekcija (AKI).',
        ),
        ref: [seed('rights', 'lodge a complaint with a supervisory authority'), notice(7), law('GDPR', 'Art. 13(2)(d)')],
      },
      {
        severity: 'info',
        text: tx(
          'No processor is named: the recipient list of the notice is empty, and the register description speaks only of hosting partners and subcontractors. The registers therefore record processor categories (hosting and cloud, e-mail, CRM, payment gateway).',
          'Ühtegi volitatud töötlejat ei ole nimetatud: teate vastuvõtjate loetelu on tühi ja registri kirjeldus räägib üksnes majutuspartneritest ja alltöövõtjatest. Seetõttu on registrites märgitud volitatud töötlejate kategooriad (majutus ja pilv, e-post, kliendihaldus, makselahendus).',
          'Nenurodytas nė vienas duomenų tvarkytojas: pranešimo gavėjų sąrašas tuščias, o registro apraše minimi tik prieglobos partneriai ir subrangovai. Todėl registruose nurodytos duomenų tvarkytojų kategorijos (priegloba ir debesija, el. paštas, klientų santykių valdymas, mokėjimų platforma).',
        ),
        ref: [notice(4), seed('disclosures')],
      },
      {
        severity: 'info',
        text: tx(
          'The register description refers requests to "the contact mentioned in section two", but its section two is missing; the contact details of § 1 of the notice are used.',
          'Registri kirjeldus suunab taotlused „teises jaotises nimetatud kontaktile“, kuid teine jaotis puudub; kasutatud on teate punktis 1 esitatud kontaktandmeid.',
          'Registro apraše prašymus nurodoma teikti „antrajame skirsnyje nurodytam kontaktiniam asmeniui“, tačiau antrojo skirsnio nėra; naudojami pranešimo 1 skirsnyje pateikti kontaktiniai duomenys.',
        ),
        ref: [seed('contact'), notice(1)],
      },
      {
        severity: 'info',
        text: tx(
          'The promise of no third-party analytics covers only pages used by signed-in clients; the login page and other public pages are not covered by it.',
          'Lubadus mitte kasutada kolmandate isikute analüüsivahendeid hõlmab üksnes sisselogitud klientide kasutatavaid lehti; sisselogimislehte ja muid avalikke lehti see ei hõlma.',
          'Pažadas nenaudoti trečiųjų šalių analitikos priemonių apima tik prisijungusių klientų naudojamus puslapius; prisijungimo puslapiui ir kitiems viešiems puslapiams jis netaikomas.',
        ),
        ref: [notice(4), notice(8)],
      },
      {
        severity: 'info',
        text: tx(
          'The policy is published in English under a Lithuanian title ("Privatumo politika") with a Lithuanian date line, by an Estonian company; there is no Estonian version.',
          'Eesti ettevõtte privaatsuspoliitika on avaldatud inglise keeles leedukeelse pealkirja („Privatumo politika“) ja leedukeelse kuupäevareaga; eestikeelset versiooni ei ole.',
          'Estijos įmonės politika paskelbta anglų kalba su lietuviška antrašte („Privatumo politika“) ir lietuviška datos eilute; versijos estų kalba nėra.',
        ),
        ref: [notice('title')],
      },
    ],
  },
};
