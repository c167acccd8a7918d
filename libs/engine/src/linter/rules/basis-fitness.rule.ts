import { ControllerDefinition } from '../../schema/controller';
import { Purpose, Register } from '../../schema/register';
import { textValues } from '../walk';
import { finding } from '../codes';
import { basesOf, listOf } from '../facts';
import { Finding } from '../finding';
import { normaliseArticle } from '../keywords';
import { LintRule } from '../rule';
import { Ref } from '../../schema/text';

const LAW: Ref = { source: 'GDPR', at: 'Art. 6(1)(d), recital 46' };

/** Video surveillance (CCTV) in en, et, lt, lv, sv. */
const SURVEILLANCE: RegExp[] = [
  /surveillance/iu, /\bcctv\b/iu, /video/iu, /camera/iu,
  /videonovēro/iu, /kamer/iu, /vaizdo stebėj/iu, /videovalv/iu, /kameraövervak/iu, /övervakning/iu,
];

/** Marketing, advertising, offers, newsletters in en, et, lt, lv, sv. */
const MARKETING: RegExp[] = [
  /marketing/iu, /advertis/iu, /newsletter/iu, /tirgvedīb/iu, /mārketing/iu, /reklām/iu, /komercpaziņojum/iu,
  /rinkodar/iu, /reklam/iu, /naujienlaišk/iu, /turundus/iu, /uudiskir/iu, /marknadsför/iu, /nyhetsbrev/iu,
];

function textsOf(purpose: Purpose, register: Register): string[] {
  return [purpose.name, purpose.description, register.name, register.description].flatMap((t) => textValues(t));
}

/** What a purpose is, when it is one vital interests can never carry. */
function unfitUse(purpose: Purpose, register: Register): string | null {
  const texts = textsOf(purpose, register);
  const video = listOf(register.dataCategories).some((c) => listOf(purpose.categories).includes(c.id) && textValues(c.name).some((v) => SURVEILLANCE.some((p) => p.test(v))));
  if (video || texts.some((v) => SURVEILLANCE.some((p) => p.test(v)))) return 'video surveillance';
  if (purpose.directMarketing || texts.some((v) => MARKETING.some((p) => p.test(v)))) return 'marketing';
  return null;
}

const WHY = 'Vital interests (Art. 6(1)(d)) covers only a threat to someone\'s life or health that no other basis can meet (recital 46); continuous surveillance and marketing are neither';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const { item: basis, path, purpose, register } of basesOf(def)) {
    const cited = basis.citedInNotice ? normaliseArticle(basis.citedInNotice) : undefined;
    if (basis.article !== '6(1)(d)' && cited !== '6(1)(d)') continue;
    const use = unfitUse(purpose, register);
    if (!use) continue;
    const fix = use === 'video surveillance'
      ? 'rely on legitimate interests (Art. 6(1)(f)) with a balancing test and state the interest (EDPB Guidelines 3/2019, section 3)'
      : 'rely on consent (Art. 6(1)(a)) or legitimate interests (Art. 6(1)(f)) with the right to object (Art. 21(2))';
    if (basis.article === '6(1)(d)') {
      out.push(finding('basis-unfit-for-purpose', `${path}.article`, `Purpose '${purpose.id}' (${use}) relies on vital interests. ${WHY}: ${fix}.`, [...listOf(basis.ref), LAW]));
    } else {
      out.push(finding('notice-basis-unfit-for-purpose', `${path}.citedInNotice`, `The notice cites vital interests (Art. 6(1)(d)) for purpose '${purpose.id}' (${use}). ${WHY}: have the controller correct the notice to the basis the register relies on (${basis.article}).`, [...listOf(basis.ref), LAW]));
    }
  }
  return out;
}

/** A legal basis must be able to carry its purpose: no vital interests for surveillance or marketing. */
export const basisFitnessRule: LintRule = { name: 'basis-fitness', codes: ['basis-unfit-for-purpose', 'notice-basis-unfit-for-purpose'], check };
