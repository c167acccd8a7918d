import { ControllerDefinition, jurisdictionFor } from '@regula/engine';
import { H, NOTICE, ORTOMEDIC_COUNTRY_ASSUMED, assumed, corrected, notice } from './refs';
import { SHARED_CONTACT_FIELDS } from './registers/common';

/** Phone number as the notice prints it, and in international form. */
export const PHONE_NOTICE_FORM = '08-22 40 20';
export const PHONE_INTERNATIONAL = '+46 8 22 40 20';
export const PRIVACY_EMAIL = 'personuppgiftsansvarig@micromedic.se';
const POSTAL = 'Personuppgiftsansvarig, Micromedic AB, c/o ViRedo AB, Box 55642, 102 14 Stockholm';

/** Why Regula accepts an access request beyond the signed paper the notice asks for. */
const ACCESS_CORRECTION =
  'the notice asks for access requests as a signed written document, "inte via e-post eller telefon"; the controller must facilitate the exercise of rights (Art. 12(2)) and a request reaching an official channel counts (EDPB Guidelines 01/2022 §§ 52-57), so Regula also takes the signed request as an upload on its request page and, for a request by e-mail or telephone, asks for the signed request instead of disregarding it';

/** Micromedic AB: everything but the registers. */
export const controller: Omit<ControllerDefinition, 'registers'> = {
  slug: 'micromedic',
  legalName: 'Micromedic AB',
  registryCode: '556949-0153',
  registryName: { en: 'Swedish corporate identity number (organisationsnummer)', sv: 'Organisationsnummer' },
  legalAddress: { careOf: 'c/o ViRedo AB', street: 'Box 55642', postalCode: '102 14', city: 'Stockholm', country: 'SE' },
  contact: {
    email: PRIVACY_EMAIL,
    phone: PHONE_INTERNATIONAL,
    instructions: {
      en: `Write to ${PRIVACY_EMAIL}, send a letter to ${POSTAL}, or call ${PHONE_NOTICE_FORM} (${PHONE_INTERNATIONAL}). For a request for access to your data we need a written request that you have signed.`,
      sv: `Skriv till ${PRIVACY_EMAIL}, skicka brev till ${POSTAL} eller ring ${PHONE_NOTICE_FORM} (${PHONE_INTERNATIONAL}). För en begäran om tillgång till dina uppgifter behöver vi en skriftlig begäran som du har undertecknat.`,
    },
    ref: [notice(H.controller), notice(H.access)],
  },
  dpo: {
    name: 'Arvid Tjomsland',
    title: { en: 'Data protection officer ("personuppgiftsombud")', sv: 'Personuppgiftsombud (dataskyddsombud)' },
    email: PRIVACY_EMAIL,
    ref: [
      notice(H.controller, 'named "Personuppgiftsombud", the pre-GDPR term; the notice shares the controller\'s mailbox with him'),
      notice(H.intro, 'states that a dataskyddsombud has been appointed'),
    ],
  },
  groupCompanies: [
    {
      name: 'Ortomedic AS',
      relation: 'parent',
      country: 'NO',
      sharing: {
        dataCategories: SHARED_CONTACT_FIELDS,
        purpose: {
          en: 'To offer products, services and advantageous offers jointly, in a contact environment the companies share.',
          sv: 'Att gemensamt erbjuda produkter, tjänster och förmånliga erbjudanden i en kontaktmiljö som bolagen delar.',
        },
        basis: '6(1)(f)',
        description: {
          en: 'Micromedic AB is a subsidiary of Ortomedic AS and remains the controller. The sharing rests on a balancing of interests: it is necessary for the legitimate interests of Micromedic AB and the group companies.',
          sv: 'Micromedic AB är dotterbolag till Ortomedic AS och är fortsatt personuppgiftsansvarig. Delningen grundar sig på en intresseavvägning och är nödvändig för Micromedic AB:s och koncernbolagens berättigade intressen.',
        },
      },
      ref: [notice(H.controller), notice(H.cooperation)],
      fieldRefs: { country: [assumed(H.controller, ORTOMEDIC_COUNTRY_ASSUMED)] },
    },
  ],
  jurisdiction: jurisdictionFor('SE', ['sv', 'en']),
  branding: {
    primaryColor: '#0B5A7A',
    accentColor: '#9C3D0F',
    displayName: 'Micromedic',
    tagline: {
      en: 'Your personal data, handled with care',
      sv: 'Dina personuppgifter i trygga händer',
    },
  },
  service: {
    en: 'Micromedic AB, a Swedish subsidiary of Ortomedic AS, offers products together with demonstrations, servicing and repairs, and digital services on its website.',
    sv: 'Micromedic AB, ett svenskt dotterbolag till Ortomedic AS, erbjuder produkter jämte demonstrationer, service och reparationer samt digitala tjänster på sin webbplats.',
  },
  documents: [{ id: NOTICE, title: 'Micromedic AB personuppgiftspolicy', language: 'sv', role: 'notice' }],
  rights: [
    {
      right: 'A15',
      description: {
        en: 'You may ask us which personal data we hold about you and for which purposes it is kept.',
        sv: 'Du har rätt att begära besked om vilka personuppgifter vi har registrerade om dig och för vilka ändamål de sparas.',
      },
      conditions: {
        en: 'To protect your privacy we must verify your identity before we release any data; the ways to do so are listed with the request form.',
        sv: 'För att skydda din integritet måste vi kontrollera din identitet innan vi lämnar ut några uppgifter; sätten att göra det anges vid formuläret för begäran.',
      },
      ref: [notice(H.access), corrected('GDPR', 'Art. 12(2)', ACCESS_CORRECTION)],
    },
    {
      right: 'A16',
      description: {
        en: 'You may ask us to correct inaccurate personal data about you.',
        sv: 'Du har rätt att begära att felaktiga personuppgifter om dig rättas.',
      },
      ref: [notice(H.rectification)],
    },
    {
      right: 'A17',
      description: {
        en: 'You may ask us to erase your personal data, in particular when it is no longer needed for the purpose for which it was collected or when you have withdrawn the consent on which the processing was based.',
        sv: 'Du har rätt att begära att dina personuppgifter raderas, särskilt när de inte längre behövs för det ändamål för vilket de samlades in eller när du har återkallat det samtycke som behandlingen grundades på.',
      },
      conditions: {
        en: 'Data we must keep for another purpose on another legal basis, such as our accounting obligations, is kept for that purpose only.',
        sv: 'Uppgifter som vi måste spara för ett annat ändamål på en annan rättslig grund, till exempel enligt bokföringsskyldigheten, sparas endast för det ändamålet.',
      },
      ref: [notice(H.rectification), notice(H.withdrawal)],
    },
    {
      right: 'A18',
      description: {
        en: 'You may at any time, free of charge, ask us to restrict the processing of your personal data.',
        sv: 'Du har när som helst rätt att utan kostnad begära att vi begränsar behandlingen av dina personuppgifter.',
      },
      ref: [notice(H.personalisation)],
    },
    {
      right: 'A20',
      description: {
        en: 'You may ask us to transfer the personal data you have provided to us to another controller in a machine-readable format.',
        sv: 'Du har rätt att begära att de personuppgifter som du själv har lämnat till oss överförs till en annan personuppgiftsansvarig i ett maskinläsbart format.',
      },
      conditions: {
        en: 'The right applies to data processed by automated means on the basis of your consent or of a contract with you.',
        sv: 'Rätten gäller uppgifter som behandlas automatiserat på grundval av ditt samtycke eller ett avtal med dig.',
      },
      ref: [
        notice(H.portability),
        assumed(H.portability, 'conditions added by Regula: the notice states the right without limits; the scope of Art. 20(1) (automated processing on consent or contract) is stated for it'),
        { source: 'GDPR', at: 'Art. 20(1)' },
      ],
    },
    {
      right: 'A21',
      description: {
        en: 'Where we process your data on the basis of a balancing of interests, you may object to the processing, including profiling.',
        sv: 'När vi behandlar dina uppgifter med stöd av en intresseavvägning har du rätt att invända mot behandlingen, även mot profilering.',
      },
      ref: [notice(H.objection)],
    },
    {
      right: 'A21-2',
      description: {
        en: 'You may at any time, free of charge, object to the use of your personal data for direct marketing; we then stop using it for that purpose.',
        sv: 'Du har när som helst rätt att utan kostnad invända mot att dina personuppgifter används för direktmarknadsföring; vi upphör då att använda dem för det ändamålet.',
      },
      ref: [notice(H.objection), notice(H.personalisation)],
    },
    {
      right: 'A7-3',
      description: {
        en: 'Where the processing is based on your consent, you may withdraw it at any time. We then stop the processing covered by the consent and erase the data concerned.',
        sv: 'När behandlingen grundar sig på ditt samtycke har du rätt att när som helst återkalla det. Vi upphör då med den behandling som omfattas av samtycket och raderar de berörda uppgifterna.',
      },
      conditions: {
        en: 'Data may still be kept for other purposes on another legal basis.',
        sv: 'Uppgifterna kan ändå finnas kvar för andra ändamål med stöd av en annan rättslig grund.',
      },
      ref: [notice(H.withdrawal)],
    },
    {
      right: 'A77',
      description: {
        en: 'If you believe that your personal data has been processed in breach of the rules, please tell us first. You always have the right to lodge a complaint with the supervisory authority, the Swedish Authority for Privacy Protection (IMY, formerly Datainspektionen), www.imy.se.',
        sv: 'Om du anser att dina personuppgifter har behandlats i strid med reglerna bör du i första hand meddela oss. Du har alltid rätt att lämna klagomål till tillsynsmyndigheten Integritetsskyddsmyndigheten (IMY, tidigare Datainspektionen), www.imy.se.',
      },
      ref: [
        notice(H.complaint),
        corrected('LEGAL-NOTES', 'Supervisory authorities', 'the notice names Datainspektionen and www.datainspektionen.se; the authority has been Integritetsskyddsmyndigheten (IMY, www.imy.se) since 1 January 2021, and Art. 13(2)(d) requires the right to complain to the actual authority'),
      ],
    },
  ],
  requests: {
    channels: [
      { kind: 'e-mail', value: { en: PRIVACY_EMAIL, sv: PRIVACY_EMAIL }, ref: [notice(H.controller)] },
      { kind: 'post', value: { en: POSTAL, sv: POSTAL }, ref: [notice(H.controller)] },
      {
        kind: 'phone',
        value: { en: `${PHONE_INTERNATIONAL} (${PHONE_NOTICE_FORM} within Sweden)`, sv: `${PHONE_NOTICE_FORM} (${PHONE_INTERNATIONAL} från utlandet)` },
        ref: [notice(H.controller)],
      },
    ],
    identity: {
      default: 'email-link',
      perRight: { A15: 'signed-written-request' },
      description: {
        en: 'We take all reasonable steps to verify your identity so that nobody else can exercise your rights to your detriment. For a request for access we need a written request signed by you: send it by post, or upload a scan or photo of it on our request page; if you write from an e-mail address we already hold for you, the code we send to it is enough instead. If you ask by e-mail or telephone from another address, we will ask you for the signed request before we release any data. For other requests we confirm your identity with a code or link sent to your e-mail address.',
        sv: 'Vi vidtar alla rimliga åtgärder för att kontrollera din identitet så att ingen annan kan utöva dina rättigheter till skada för dig. För en begäran om tillgång behöver vi en skriftlig begäran som du har undertecknat: skicka den per post eller ladda upp en skannad kopia eller ett foto av den på vår sida för begäranden; skriver du från en e-postadress som vi redan har för dig räcker i stället koden vi skickar dit. Om du frågar via e-post eller telefon från en annan adress ber vi dig om den undertecknade begäran innan vi lämnar ut några uppgifter. Vid andra begäranden bekräftar vi din identitet med en kod eller länk som skickas till din e-postadress.',
      },
      ref: [
        notice(H.controller, 'reasonable steps to verify identity "på lämpligt sätt"'),
        notice(H.access, 'the notice says the access request "bör" (should) be a signed written document, not e-mail or telephone'),
        corrected('GDPR', 'Art. 12(2), 12(6)', ACCESS_CORRECTION),
        corrected('GDPR', 'Art. 12(2), 12(6), recital 64', 'a signed paper is out of proportion where the controller already holds the requester\'s e-mail address: a code sent to that address confirms the request by itself (EDPB Guidelines 01/2022 §§ 70-77), and Regula always offers it beside the signed request'),
        corrected('EDPB-01/2022', '§§ 60-79', 'for requests other than access the notice names no method ("på lämpligt sätt"); Regula confirms the e-mail address the request came from, a check proportionate to the data at stake'),
      ],
    },
    responseMonths: 1,
    extensionMonths: 2,
    consentWithdrawalWorkingDays: 0,
    electronicReply: true,
    excessiveRequests: {
      fee: false,
      refuse: false,
      ref: [notice(H.personalisation, 'the notice promises requests "utan avgift eller kostnad" and reserves neither a fee nor a refusal')],
    },
    ref: [notice(H.rights)],
    fieldRefs: {
      responseMonths: [{ source: 'GDPR', at: 'Art. 12(3)', note: 'the notice states no response time: the law\'s one month applies' }],
      extensionMonths: [{ source: 'GDPR', at: 'Art. 12(3)', note: 'the law\'s extension by two further months' }],
      consentWithdrawalWorkingDays: [{ source: 'GDPR', at: 'Art. 7(3)', note: 'the notice names no delay: a withdrawal takes effect at once' }],
      electronicReply: [{ source: 'GDPR', at: 'Art. 12(3)', note: 'a request made electronically is answered electronically unless the subject asks otherwise' }],
    },
  },
  children: {
    minimumAge: 13,
    statement: {
      en: 'Our website and services are not directed at children under 13. Where processing based on consent concerns a child under 13, consent must be given by the holder of parental responsibility.',
      sv: 'Vår webbplats och våra tjänster riktar sig inte till barn under 13 år. Om en behandling som grundar sig på samtycke gäller ett barn under 13 år krävs samtycke från den som har föräldraansvar för barnet.',
    },
    ref: [
      assumed(H.intro, 'the notice says nothing about children: the statement and the minimum age of 13 (the Swedish age of digital consent) are Regula\'s default'),
      { source: 'SE-DSL', at: '2 kap. 4 §' },
    ],
  },
  policyChanges: {
    channels: ['website', 'e-mail'],
    archive: false,
    description: {
      en: 'We may update this policy from time to time; the latest version is always published on our website, and we tell you of material changes.',
      sv: 'Vi kan komma att uppdatera denna policy från tid till annan; den senaste versionen publiceras alltid på vår webbplats, och vi meddelar dig om väsentliga ändringar.',
    },
    // E-mail about material changes goes to those holding an account: clients with a live record there.
    accountRegisters: ['service-administration'],
    ref: [
      notice(H.changes, 'the latest version is published on the website; no archive of earlier versions is promised'),
      assumed(H.changes, 'channel e-mail assumed: the notice promises to notify material changes without naming the channel'),
      corrected(
        'GDPR',
        'Art. 4(11), 7, 13(3); recital 32',
        'the notice promises to notify "väsentliga ändringar som kräver ditt samtycke" (material changes that require your consent); a change of the policy is information to the reader, not something they consent to, and a new purpose that needs consent needs its own specific consent, so the published clause says only that material changes are notified',
      ),
    ],
  },
  notice: {
    changeClause: {
      says: 'consent-to-changes',
      ref: [notice(H.changes, '"Vi meddelar dig om väsentliga ändringar som kräver ditt samtycke"')],
    },
    authorityName: {
      name: 'Datainspektionen',
      ref: [notice(H.complaint, 'outdated: renamed Integritetsskyddsmyndigheten (IMY) on 1 January 2021; the notice points to www.datainspektionen.se')],
    },
    emptySections: [
      {
        section: 'Grunder för vår behandling, mottagare av personuppgifter och rensning – Vilka personuppgifter samlar vi in om dig och för vilket ändamål',
        filledFrom: 'the registers of this definition (legal bases mapped by Regula from the notice\'s general statements and retention periods chosen by Regula, each marked assumed until the controller confirms it)',
        ref: [notice(H.grounds, 'the closing heading of the notice, followed by no content: the promised table is missing')],
      },
    ],
    remarks: [
      {
        severity: 'warning',
        text: {
          en: 'The notice promises a table "below" of purposes, data categories, legal bases and erasure ("gallring") periods, but the table is missing: the notice ends with its heading. Legal bases are therefore not assigned to purposes in the notice (GDPR Art. 13(1)(c)) and no retention period is given (Art. 13(2)(a)). The bases and periods in the registers are marked assumed until the controller confirms them.',
          sv: 'Policyn utlovar en tabell "nedan" över ändamål, kategorier av personuppgifter, rättsliga grunder och gallringstider, men tabellen saknas: policyn slutar med dess rubrik. Policyn knyter därför inte de rättsliga grunderna till ändamålen (artikel 13.1 c i dataskyddsförordningen) och anger inga lagringstider (artikel 13.2 a). De grunder och tider som anges i registren är markerade som antaganden tills den personuppgiftsansvarige bekräftar dem.',
        },
        ref: [notice(H.grounds)],
      },
      {
        severity: 'warning',
        text: {
          en: 'Access requests must be a signed written document, not e-mail or telephone. Identity checks must be proportionate (Art. 12(2) and (6); EDPB Guidelines 01/2022): an access request that reaches an official channel such as the e-mail address still starts the one-month period, which stands still only while the identity information requested without undue delay is awaited.',
          sv: 'En begäran om tillgång ska vara en undertecknad skriftlig handling, inte e-post eller telefon. Identitetskontroller ska vara proportionerliga (artikel 12.2 och 12.6; EDPB:s riktlinjer 01/2022): en begäran om tillgång som kommer in via en officiell kanal, till exempel e-postadressen, startar ändå enmånadsfristen, som står still endast medan begärda identitetsuppgifter inväntas.',
        },
        ref: [notice(H.access), { source: 'EDPB-01/2022', at: '§§ 157-164' }],
      },
      {
        severity: 'warning',
        text: {
          en: 'For data received from others, such as organisers of symposia and fairs, the notice assumes that the person passing it on had consent and that it was handled correctly. That assumption does not relieve Micromedic AB of its own accountability (Art. 5(2)) or of its duty to inform the persons concerned (Art. 14).',
          sv: 'För uppgifter som tas emot från andra, till exempel arrangörer av symposier och mässor, utgår policyn från att den som lämnar uppgifterna har samtycke och att de har hanterats korrekt. Det antagandet befriar inte Micromedic AB från dess eget ansvar (artikel 5.2) eller från skyldigheten att informera de berörda (artikel 14).',
        },
        ref: [notice(H.others)],
      },
      {
        severity: 'warning',
        text: {
          en: 'The notice says some data is stored with external cloud service providers but names neither them nor where they store the data, and says nothing about transfers outside the EU/EEA (Art. 13(1)(e) and (f)).',
          sv: 'Policyn anger att vissa uppgifter lagras hos externa molntjänstleverantörer men anger varken vilka de är eller var de lagrar uppgifterna, och säger inget om överföringar utanför EU/EES (artikel 13.1 e och f).',
        },
        ref: [notice(H.grounds)],
      },
      {
        severity: 'info',
        text: {
          en: 'The notice says nothing about children; the statement on children and the minimum age of 13 (the Swedish age of digital consent) are a default, marked assumed, for the controller to confirm.',
          sv: 'Policyn säger inget om barn; uttalandet om barn och åldersgränsen 13 år (den svenska åldersgränsen för samtycke till informationssamhällets tjänster) är ett standardvärde, markerat som antagande, som den personuppgiftsansvarige ska bekräfta.',
        },
        ref: [notice(H.intro), { source: 'SE-DSL', at: '2 kap. 4 §' }],
      },
      {
        severity: 'info',
        text: {
          en: 'The notice calls the data protection officer "personuppgiftsombud", the term of the repealed Personal Data Act, as well as "dataskyddsombud", and gives him the controller\'s own mailbox.',
          sv: 'Policyn kallar dataskyddsombudet "personuppgiftsombud", den upphävda personuppgiftslagens term, och även "dataskyddsombud", och anger den personuppgiftsansvariges egen e-postadress för honom.',
        },
        ref: [notice(H.controller), notice(H.intro)],
      },
      {
        severity: 'info',
        text: {
          en: 'The notice says personalisation and the analysis of user behaviour use the company\'s own cookies and points to separate cookie information on the website, which is not part of the notice. The registers list the two kinds of cookies the notice describes; their expiry is assumed until the controller confirms it.',
          sv: 'Policyn anger att personifieringen och analysen av användarbeteenden använder bolagets egna cookies och hänvisar till separat cookieinformation på webbplatsen, som inte ingår i policyn. Registren förtecknar de två slag av cookies som policyn beskriver; deras lagringstid är ett antagande tills den personuppgiftsansvarige bekräftar den.',
        },
        ref: [notice(H.personalisation)],
      },
      {
        severity: 'info',
        text: {
          en: 'Drafting defects: the sentence on marketing breaks off after a comma; the sentence on sharing with the parent company breaks off ("delas med moderbolaget och,"); cross-references point to headings that do not exist ("Samarbete", "Personuppgiftsansvarig", "Den rättsliga grunden för vår behandling"); the right to restriction appears only under "Personifiering".',
          sv: 'Redaktionella brister: meningen om marknadsföring slutar efter ett kommatecken; meningen om delning med moderbolaget bryts av ("delas med moderbolaget och,"); hänvisningar pekar på rubriker som inte finns ("Samarbete", "Personuppgiftsansvarig", "Den rättsliga grunden för vår behandling"); rätten till begränsning nämns endast under "Personifiering".',
        },
        ref: [notice(H.marketing), notice(H.grounds), notice(H.controller)],
      },
    ],
  },
};
