import type { RefusalGround, RequestType } from './request-types';

type Lang = 'en' | 'et' | 'lt' | 'sv' | 'lv';

/** The request types as a subject reads them in e-mails ("your request (access to your personal data)"). */
const TYPE_LABELS: Record<Lang, Record<RequestType, string>> = {
  en: {
    access: 'access to your personal data',
    rectification: 'rectification of your personal data',
    erasure: 'erasure of your personal data',
    restriction: 'restriction of processing',
    portability: 'data portability',
    objection: 'objection to processing',
    'objection-direct-marketing': 'objection to direct marketing',
    'objection-automated': 'objection to automated decision-making',
    'consent-withdrawal': 'withdrawal of consent',
    'recipients-in-period': 'recipients of your data in a given period',
  },
  et: {
    access: 'juurdepääs teie isikuandmetele',
    rectification: 'isikuandmete parandamine',
    erasure: 'isikuandmete kustutamine',
    restriction: 'isikuandmete töötlemise piiramine',
    portability: 'isikuandmete ülekandmine',
    objection: 'vastuväide isikuandmete töötlemisele',
    'objection-direct-marketing': 'vastuväide otseturundusele',
    'objection-automated': 'vastuväide automatiseeritud otsuste tegemisele',
    'consent-withdrawal': 'nõusoleku tagasivõtmine',
    'recipients-in-period': 'teie andmete saajad teatud ajavahemikul',
  },
  lt: {
    access: 'susipažinimas su jūsų asmens duomenimis',
    rectification: 'asmens duomenų ištaisymas',
    erasure: 'asmens duomenų ištrynimas',
    restriction: 'duomenų tvarkymo apribojimas',
    portability: 'duomenų perkeliamumas',
    objection: 'nesutikimas su duomenų tvarkymu',
    'objection-direct-marketing': 'nesutikimas su tiesiogine rinkodara',
    'objection-automated': 'nesutikimas su automatizuotu sprendimų priėmimu',
    'consent-withdrawal': 'sutikimo atšaukimas',
    'recipients-in-period': 'jūsų duomenų gavėjai per tam tikrą laikotarpį',
  },
  sv: {
    access: 'tillgång till dina personuppgifter',
    rectification: 'rättelse av personuppgifter',
    erasure: 'radering av personuppgifter',
    restriction: 'begränsning av behandling',
    portability: 'dataportabilitet',
    objection: 'invändning mot behandling',
    'objection-direct-marketing': 'invändning mot direktmarknadsföring',
    'objection-automated': 'invändning mot automatiserat beslutsfattande',
    'consent-withdrawal': 'återkallelse av samtycke',
    'recipients-in-period': 'mottagare av dina uppgifter under en viss period',
  },
  lv: {
    access: 'piekļuve jūsu personas datiem',
    rectification: 'personas datu labošana',
    erasure: 'personas datu dzēšana',
    restriction: 'apstrādes ierobežošana',
    portability: 'datu pārnesamība',
    objection: 'iebildums pret apstrādi',
    'objection-direct-marketing': 'iebildums pret tiešo tirgvedību',
    'objection-automated': 'iebildums pret automatizētu lēmumu pieņemšanu',
    'consent-withdrawal': 'piekrišanas atsaukšana',
    'recipients-in-period': 'jūsu datu saņēmēji noteiktā laikposmā',
  },
};

/** Why a request is refused, as the refusal e-mail states it (after "we cannot act on it:"). */
const GROUND_LABELS: Record<Lang, Record<RefusalGround, string>> = {
  en: {
    'manifestly-unfounded': 'the request is manifestly unfounded (GDPR Article 12(5))',
    excessive: 'the request is excessive, in particular because of its repetitive character (GDPR Article 12(5))',
    repeated: 'the request repeats an earlier request of yours that we have already answered, and is excessive because of its repetitive character (GDPR Article 12(5))',
    'identity-not-established': 'we could not establish your identity (GDPR Articles 11(2) and 12(2))',
    'no-data': 'we hold no personal data about you',
    'legal-exemption': 'an exemption laid down by law applies (GDPR Article 23 and national law)',
  },
  et: {
    'manifestly-unfounded': 'taotlus on ilmselgelt põhjendamatu (isikuandmete kaitse üldmääruse artikli 12 lõige 5)',
    excessive: 'taotlus on ülemäärane, eelkõige selle korduvuse tõttu (isikuandmete kaitse üldmääruse artikli 12 lõige 5)',
    repeated: 'taotlus kordab teie varasemat taotlust, millele oleme juba vastanud, ning on oma korduvuse tõttu ülemäärane (isikuandmete kaitse üldmääruse artikli 12 lõige 5)',
    'identity-not-established': 'me ei saanud teie isikut tuvastada (isikuandmete kaitse üldmääruse artikli 11 lõige 2 ja artikli 12 lõige 2)',
    'no-data': 'meil ei ole teie kohta isikuandmeid',
    'legal-exemption': 'kohaldub seaduses sätestatud erand (isikuandmete kaitse üldmääruse artikkel 23 ja siseriiklik õigus)',
  },
  lt: {
    'manifestly-unfounded': 'prašymas yra akivaizdžiai nepagrįstas (BDAR 12 straipsnio 5 dalis)',
    excessive: 'prašymas yra neproporcingas, visų pirma dėl jo pasikartojančio pobūdžio (BDAR 12 straipsnio 5 dalis)',
    repeated: 'prašymas pakartoja ankstesnį jūsų prašymą, į kurį jau atsakėme, ir yra neproporcingas dėl savo pasikartojančio pobūdžio (BDAR 12 straipsnio 5 dalis)',
    'identity-not-established': 'nepavyko nustatyti jūsų tapatybės (BDAR 11 straipsnio 2 dalis ir 12 straipsnio 2 dalis)',
    'no-data': 'mes netvarkome jūsų asmens duomenų',
    'legal-exemption': 'taikoma įstatyme numatyta išimtis (BDAR 23 straipsnis ir nacionalinė teisė)',
  },
  sv: {
    'manifestly-unfounded': 'begäran är uppenbart ogrundad (artikel 12.5 i dataskyddsförordningen)',
    excessive: 'begäran är orimlig, särskilt på grund av att den upprepas (artikel 12.5 i dataskyddsförordningen)',
    repeated: 'begäran upprepar en tidigare begäran från dig som vi redan har besvarat och är orimlig eftersom den upprepas (artikel 12.5 i dataskyddsförordningen)',
    'identity-not-established': 'vi har inte kunnat fastställa din identitet (artiklarna 11.2 och 12.2 i dataskyddsförordningen)',
    'no-data': 'vi behandlar inga personuppgifter om dig',
    'legal-exemption': 'ett undantag i lag är tillämpligt (artikel 23 i dataskyddsförordningen och nationell rätt)',
  },
  lv: {
    'manifestly-unfounded': 'pieprasījums ir acīmredzami nepamatots (VDAR 12. panta 5. punkts)',
    excessive: 'pieprasījums ir pārmērīgs, jo īpaši tā atkārtotā rakstura dēļ (VDAR 12. panta 5. punkts)',
    repeated: 'pieprasījums atkārto jūsu agrāku pieprasījumu, uz kuru jau esam atbildējuši, un ir pārmērīgs tā atkārtotā rakstura dēļ (VDAR 12. panta 5. punkts)',
    'identity-not-established': 'mēs nevarējām pārliecināties par jūsu identitāti (VDAR 11. panta 2. punkts un 12. panta 2. punkts)',
    'no-data': 'mūsu rīcībā nav jūsu personas datu',
    'legal-exemption': 'piemērojams likumā noteikts izņēmums (VDAR 23. pants un valsts tiesību akti)',
  },
};

function langOf(locale: string): Lang {
  const l = (locale ?? '').slice(0, 2).toLowerCase();
  return (['en', 'et', 'lt', 'sv', 'lv'] as const).find((x) => x === l) ?? 'en';
}

export function typeLabel(type: RequestType, locale: string): string {
  return TYPE_LABELS[langOf(locale)][type] ?? type;
}

export function groundLabel(ground: RefusalGround, locale: string): string {
  return GROUND_LABELS[langOf(locale)][ground] ?? ground;
}
