import { Lang, Text } from '../schema/text';

/**
 * The texts a new controller's definition starts with where the onboarding form
 * asks nothing (its service, how requests are confirmed, its statement about
 * children, how changes are announced), in every page language. Each is an
 * assumed fact (see `draftController`) until a compliance admin confirms or
 * replaces it.
 */
type Texts = Record<Lang, string>;

const fill = (texts: Texts, vars: Record<string, string | number>): Text => {
  const out = {} as Record<Lang, string>;
  for (const [lang, text] of Object.entries(texts) as [Lang, string][]) out[lang] = text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));
  return out;
};

const SERVICE: Texts = {
  en: 'The services of {brand}.',
  et: 'Ettevõtte {brand} teenused.',
  lt: 'Bendrovės {brand} paslaugos.',
  lv: 'Uzņēmuma {brand} pakalpojumi.',
  sv: 'Tjänster som {brand} tillhandahåller.',
};

const IDENTITY: Texts = {
  en: 'We confirm a request through a link sent to your e-mail address.',
  et: 'Kinnitame taotluse teie e-posti aadressile saadetud lingiga.',
  lt: 'Prašymą patvirtiname nuoroda, išsiųsta jūsų el. pašto adresu.',
  lv: 'Pieprasījumu apstiprinām ar saiti, kas nosūtīta uz jūsu e-pasta adresi.',
  sv: 'Vi bekräftar en begäran genom en länk som skickas till din e-postadress.',
};

const CHILDREN: Texts = {
  en: 'Our service is not directed at children under {age}.',
  et: 'Meie teenus ei ole suunatud alla {age}-aastastele lastele.',
  lt: 'Mūsų paslauga nėra skirta jaunesniems nei {age} metų vaikams.',
  lv: 'Mūsu pakalpojums nav paredzēts bērniem, kas jaunāki par {age} gadiem.',
  sv: 'Vår tjänst riktar sig inte till barn under {age} år.',
};

const CHANGES: Texts = {
  en: 'Material changes are announced on our website before they take effect.',
  et: 'Olulistest muudatustest teatame oma veebilehel enne nende jõustumist.',
  lt: 'Apie esminius pakeitimus pranešame savo svetainėje prieš jiems įsigaliojant.',
  lv: 'Par būtiskām izmaiņām paziņojam savā tīmekļvietnē pirms to stāšanās spēkā.',
  sv: 'Väsentliga ändringar meddelas på vår webbplats innan de börjar gälla.',
};

export const onboardingTexts = {
  service: (brand: string): Text => fill(SERVICE, { brand }),
  identity: (): Text => fill(IDENTITY, {}),
  children: (age: number): Text => fill(CHILDREN, { age }),
  changes: (): Text => fill(CHANGES, {}),
  /** The same words in every language (an e-mail address as a request channel). */
  same: (value: string): Text => fill({ en: value, et: value, lt: value, lv: value, sv: value }, {}),
};
