import type { Lang } from '@regula/engine';

/**
 * One-sentence answers for the status page and the closing e-mail, in the
 * request's language (English fallback). The structured outcome next to
 * them carries the details (what was erased, what was kept and why).
 */
type Summaries = {
  noData: () => string;
  access: (records: number, registers: number) => string;
  portability: (records: number) => string;
  portabilityNone: () => string;
  erasureAll: (erased: number) => string;
  erasureKept: (erased: number, kept: number) => string;
  rectification: (records: number) => string;
  restriction: (records: number) => string;
  directMarketing: (date: string) => string;
  automated: (date: string) => string;
  objectionUpheld: (purposes: number) => string;
  objectionOverridden: () => string;
  objectionNothing: () => string;
  /** In effect from the day the withdrawal reached the controller (GDPR Art. 7(3)), never from a later date. */
  consentFrom: (consents: number, date: string) => string;
  consentNone: () => string;
  recipients: (recipients: number, from: string, to: string) => string;
};

const TEXTS: Record<Lang, Summaries> = {
  en: {
    noData: () => 'We searched our records and hold no personal data about you.',
    access: (n, r) => `Your copy is ready: ${n} record(s) in ${r} processing activit${r === 1 ? 'y' : 'ies'}, with the purposes, legal bases, recipients, retention and sources of each.`,
    portability: (n) => `The ${n} record(s) you provided to us are ready to download as JSON and CSV.`,
    portabilityNone: () => 'None of the data we hold about you is portable: portability covers the data you provided to us where we process it on your consent or a contract. An access request gives you a copy of all of it.',
    erasureAll: (n) => `Your personal data was erased (${n} record(s)).`,
    erasureKept: (n, k) => `${n} record(s) were erased. ${k} record(s) must be kept by law: they are restricted (used for nothing else) and erased when the period shown ends.`,
    rectification: (n) => `${n} record(s) were corrected, and the systems holding them were told.`,
    restriction: (n) => `Processing of your data is restricted (${n} record(s)): it is only stored until the restriction is lifted, and you will be told before that.`,
    directMarketing: (d) => `Direct marketing to you stopped on ${d}. Consents for marketing were withdrawn.`,
    automated: (d) => `From ${d} you are no longer subject to automated decisions or profiling by us.`,
    objectionUpheld: (p) => `Your objection was accepted: we no longer process your data for ${p} purpose(s).`,
    objectionOverridden: () => 'Your objection was considered, but we have compelling legitimate grounds to continue the processing (see the reasons). You may lodge a complaint with the supervisory authority or go to court.',
    objectionNothing: () => 'None of the processing you objected to relies on legitimate interests or a public task, so there is nothing to object to under Art. 21(1).',
    consentFrom: (n, d) => `${n} consent(s) withdrawn, in effect from ${d}, the day your request reached us: we no longer process your data on them.`,
    consentNone: () => 'There was no active consent to withdraw.',
    recipients: (n, f, t) => `${n} recipient(s) received your data between ${f} and ${t}.`,
  },
  et: {
    noData: () => 'Kontrollisime oma andmeid: meil ei ole teie kohta isikuandmeid.',
    access: (n, r) => `Teie koopia on valmis: ${n} kirje(t) ${r} töötlemistoimingus koos iga toimingu eesmärkide, õiguslike aluste, vastuvõtjate, säilitamise ja andmete päritoluga.`,
    portability: (n) => `Teie esitatud ${n} kirje(t) on allalaadimiseks valmis JSON- ja CSV-vormingus.`,
    portabilityNone: () => 'Meie käes olevatest andmetest ei ole ükski ülekantav: ülekandmine hõlmab teie esitatud andmeid, mida töötleme teie nõusoleku või lepingu alusel. Kõigi andmete koopia saate juurdepääsutaotlusega.',
    erasureAll: (n) => `Teie isikuandmed kustutati (${n} kirje(t)).`,
    erasureKept: (n, k) => `${n} kirje(t) kustutati. ${k} kirje(t) tuleb seaduse alusel säilitada: nende töötlemine on piiratud ja need kustutatakse näidatud tähtaja lõppedes.`,
    rectification: (n) => `${n} kirje(t) parandati ja neid hoidvaid süsteeme teavitati.`,
    restriction: (n) => `Teie andmete töötlemine on piiratud (${n} kirje(t)): neid ainult säilitatakse, kuni piirang lõpetatakse, ja teid teavitatakse enne seda.`,
    directMarketing: (d) => `Otseturundus teile lõpetati ${d}. Turundusnõusolekud võeti tagasi.`,
    automated: (d) => `Alates ${d} ei tee me teie kohta automatiseeritud otsuseid ega profileeri teid.`,
    objectionUpheld: (p) => `Teie vastuväide rahuldati: me ei töötle teie andmeid enam ${p} eesmärgil.`,
    objectionOverridden: () => 'Teie vastuväide vaadati läbi, kuid meil on töötlemise jätkamiseks mõjuvad õiguspärased põhjused (vt põhjendust). Teil on õigus esitada kaebus järelevalveasutusele või pöörduda kohtusse.',
    objectionNothing: () => 'Ükski töötlemine, millele vastuväite esitasite, ei põhine õigustatud huvil ega avalikul ülesandel, seega puudub artikli 21 lõike 1 alusel vastuväite objekt.',
    consentFrom: (n, d) => `${n} nõusolek(ut) võeti tagasi; tagasivõtmine kehtib alates ${d}, päevast, mil teie taotlus meieni jõudis: me ei töötle teie andmeid enam nende alusel.`,
    consentNone: () => 'Kehtivat nõusolekut, mida tagasi võtta, ei olnud.',
    recipients: (n, f, t) => `Ajavahemikus ${f} kuni ${t} said teie andmeid ${n} vastuvõtja(t).`,
  },
  lt: {
    noData: () => 'Patikrinome savo įrašus: apie jus asmens duomenų netvarkome.',
    access: (n, r) => `Jūsų kopija parengta: ${n} įrašas (-ai) ${r} duomenų tvarkymo veikloje (-ose) su kiekvienos tikslais, teisiniais pagrindais, gavėjais, saugojimo terminais ir šaltiniais.`,
    portability: (n) => `Jūsų pateikti ${n} įrašas (-ai) parengti atsisiųsti JSON ir CSV formatais.`,
    portabilityNone: () => 'Nė vieni mūsų turimi jūsų duomenys nėra perkeliami: perkeliamumas taikomas jūsų pateiktiems duomenims, kuriuos tvarkome jūsų sutikimu arba pagal sutartį. Visų duomenų kopiją gausite pateikę prašymą susipažinti.',
    erasureAll: (n) => `Jūsų asmens duomenys ištrinti (${n} įrašas (-ai)).`,
    erasureKept: (n, k) => `Ištrinta ${n} įrašas (-ai). ${k} įrašas (-ai) turi būti saugomi pagal įstatymą: jų tvarkymas apribotas ir jie bus ištrinti pasibaigus nurodytam terminui.`,
    rectification: (n) => `Ištaisyta ${n} įrašas (-ai), apie tai informuotos juos saugančios sistemos.`,
    restriction: (n) => `Jūsų duomenų tvarkymas apribotas (${n} įrašas (-ai)): jie tik saugomi, kol apribojimas bus panaikintas, apie ką jums bus pranešta iš anksto.`,
    directMarketing: (d) => `Tiesioginė rinkodara jums nutraukta ${d}. Rinkodaros sutikimai atšaukti.`,
    automated: (d) => `Nuo ${d} jums nebetaikomi mūsų automatizuoti sprendimai ir profiliavimas.`,
    objectionUpheld: (p) => `Jūsų prieštaravimas patenkintas: nebetvarkome jūsų duomenų ${p} tikslu (-ais).`,
    objectionOverridden: () => 'Jūsų prieštaravimas išnagrinėtas, tačiau turime įtikinamų teisėtų priežasčių tęsti tvarkymą (žr. motyvus). Galite pateikti skundą priežiūros institucijai arba kreiptis į teismą.',
    objectionNothing: () => 'Nė vienas tvarkymas, kuriam prieštaravote, nėra grindžiamas teisėtais interesais ar viešojo intereso užduotimi, todėl pagal 21 straipsnio 1 dalį nėra kam prieštarauti.',
    consentFrom: (n, d) => `Atšauktas (-i) ${n} sutikimas (-ai); atšaukimas galioja nuo ${d}, kai jūsų prašymas mus pasiekė: jūsų duomenų jų pagrindu nebetvarkome.`,
    consentNone: () => 'Galiojančio sutikimo, kurį būtų galima atšaukti, nebuvo.',
    recipients: (n, f, t) => `Nuo ${f} iki ${t} jūsų duomenis gavo ${n} gavėjas (-ai).`,
  },
  lv: {
    noData: () => 'Mēs pārbaudījām savus ierakstus: mums nav jūsu personas datu.',
    access: (n, r) => `Jūsu kopija ir gatava: ${n} ieraksts(-i) ${r} apstrādes darbībā(-s) ar katras nolūkiem, tiesiskajiem pamatiem, saņēmējiem, glabāšanas termiņiem un avotiem.`,
    portability: (n) => `Jūsu sniegtie ${n} ieraksts(-i) ir gatavi lejupielādei JSON un CSV formātā.`,
    portabilityNone: () => 'Neviens no mūsu rīcībā esošajiem jūsu datiem nav pārnesams: pārnesamība attiecas uz jūsu sniegtajiem datiem, kurus apstrādājam ar jūsu piekrišanu vai līguma izpildei. Visu datu kopiju varat saņemt ar piekļuves pieprasījumu.',
    erasureAll: (n) => `Jūsu personas dati ir dzēsti (${n} ieraksts(-i)).`,
    erasureKept: (n, k) => `Dzēsts(-i) ${n} ieraksts(-i). ${k} ieraksts(-i) jāglabā saskaņā ar likumu: to apstrāde ir ierobežota, un tos dzēsīs, kad beigsies norādītais termiņš.`,
    rectification: (n) => `Labots(-i) ${n} ieraksts(-i), un sistēmas, kurās tie glabājas, ir informētas.`,
    restriction: (n) => `Jūsu datu apstrāde ir ierobežota (${n} ieraksts(-i)): tos tikai glabā, līdz ierobežojums tiks atcelts, par ko jūs informēs iepriekš.`,
    directMarketing: (d) => `Tiešā tirgvedība jums ir pārtraukta no ${d}. Piekrišanas tirgvedībai ir atsauktas.`,
    automated: (d) => `No ${d} uz jums vairs neattiecas mūsu automatizētie lēmumi un profilēšana.`,
    objectionUpheld: (p) => `Jūsu iebildums ir apmierināts: mēs vairs neapstrādājam jūsu datus ${p} nolūkā(-os).`,
    objectionOverridden: () => 'Jūsu iebildums ir izskatīts, taču mums ir pārliecinoši leģitīmi iemesli turpināt apstrādi (skatiet pamatojumu). Jūs varat iesniegt sūdzību uzraudzības iestādē vai vērsties tiesā.',
    objectionNothing: () => 'Neviena apstrāde, pret kuru jūs iebildāt, nav balstīta uz leģitīmām interesēm vai sabiedrības interešu uzdevumu, tāpēc saskaņā ar 21. panta 1. punktu nav pret ko iebilst.',
    consentFrom: (n, d) => `Atsaukta(-s) ${n} piekrišana(-s); atsaukums ir spēkā no ${d}, dienas, kad jūsu pieprasījums mūs sasniedza: uz to pamata jūsu datus vairs neapstrādājam.`,
    consentNone: () => 'Nebija spēkā esošas piekrišanas, ko atsaukt.',
    recipients: (n, f, t) => `Laikā no ${f} līdz ${t} jūsu datus saņēma ${n} saņēmējs(-i).`,
  },
  sv: {
    noData: () => 'Vi har gått igenom våra register: vi har inga personuppgifter om dig.',
    access: (n, r) => `Din kopia är klar: ${n} post(er) i ${r} behandling(ar), med ändamål, rättslig grund, mottagare, lagringstid och källa för var och en.`,
    portability: (n) => `De ${n} post(er) du har lämnat till oss finns att ladda ner som JSON och CSV.`,
    portabilityNone: () => 'Inga av de uppgifter vi har om dig omfattas av dataportabilitet: den gäller uppgifter du själv har lämnat och som vi behandlar med ditt samtycke eller för att fullgöra ett avtal. Med en begäran om tillgång får du en kopia av allt.',
    erasureAll: (n) => `Dina personuppgifter har raderats (${n} post(er)).`,
    erasureKept: (n, k) => `${n} post(er) raderades. ${k} post(er) måste sparas enligt lag: behandlingen av dem är begränsad och de raderas när den angivna tiden löper ut.`,
    rectification: (n) => `${n} post(er) har rättats och systemen som lagrar dem har informerats.`,
    restriction: (n) => `Behandlingen av dina uppgifter är begränsad (${n} post(er)): de lagras bara tills begränsningen hävs, och du informeras innan dess.`,
    directMarketing: (d) => `Direktmarknadsföringen till dig upphörde den ${d}. Samtycken till marknadsföring har återkallats.`,
    automated: (d) => `Från och med ${d} blir du inte längre föremål för automatiserade beslut eller profilering hos oss.`,
    objectionUpheld: (p) => `Din invändning har godtagits: vi behandlar inte längre dina uppgifter för ${p} ändamål.`,
    objectionOverridden: () => 'Din invändning har prövats, men vi har tvingande berättigade skäl att fortsätta behandlingen (se skälen). Du kan lämna klagomål till tillsynsmyndigheten eller vända dig till domstol.',
    objectionNothing: () => 'Ingen av de behandlingar du invände mot grundar sig på berättigat intresse eller en uppgift av allmänt intresse, så det finns inget att invända mot enligt artikel 21.1.',
    consentFrom: (n, d) => `${n} samtycke(n) har återkallats med verkan från ${d}, den dag din begäran kom fram till oss: vi behandlar inte längre dina uppgifter med stöd av dem.`,
    consentNone: () => 'Det fanns inget gällande samtycke att återkalla.',
    recipients: (n, f, t) => `${n} mottagare fick dina uppgifter mellan ${f} och ${t}.`,
  },
};

export function summaries(lang: Lang): Summaries {
  return TEXTS[lang] ?? TEXTS.en;
}
