import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { listOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { textValues } from '../walk';

/** Words that point to health data, in en, et, lt, lv, sv (stems). */
const HEALTH: RegExp[] = [
  /patient/iu, /health/iu, /medical record/iu, /diagnos/iu,
  /patsient/iu, /tervis/iu, /pacient/iu, /sveikat/iu, /pacienti?/iu, /veselīb/iu, /hälsa/iu, /hälso/iu,
];

/**
 * Data that may reveal special categories without a category marked special or
 * any Art. 9(2) condition: subjects who are patients, or data described with
 * health words (recordings of patients, messages with patients). A warning: the
 * word "patients", or video of visitors, is not by itself special-category data
 * (EDPB Guidelines 3/2019 §§ 62-65); whether Art. 9 applies is for a person to judge.
 */
function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const { item: register, path } of registersOf(def)) {
    const categories = listOf(register.dataCategories);
    const hasArt9 = listOf(register.purposes).some((p) => listOf(p.legalBases).some((b) => b.art9));
    if (hasArt9 || categories.some((c) => c.special)) continue;
    const patients = listOf(register.subjects).filter((s) => s.kind === 'patient');
    const worded = [
      ...listOf(register.subjects).filter((s) => s.kind !== 'patient').map((s) => ({ what: `subject category '${s.id}'`, texts: [...textValues(s.name), ...textValues(s.description)] })),
      ...categories.map((c) => ({ what: `data category '${c.id}'`, texts: [...textValues(c.name), ...textValues(c.fields)] })),
    ].filter((x) => x.texts.some((v) => HEALTH.some((re) => re.test(v))));
    const hints = [...patients.map((s) => `subject category '${s.id}' (patients)`), ...worded.map((x) => x.what)];
    if (hints.length === 0) continue;
    out.push(finding(
      'special-category-indicated', `${path}.dataCategories`,
      `Register '${register.id}' may process health data (${hints.join(', ')}) but marks no data category special and states no Art. 9(2) condition. Check what the data reveals: if it concerns health, mark the category special and add the Art. 9(2) condition (e.g. 9(2)(h) health care, 9(2)(a) explicit consent) and consider a DPIA (Art. 35); if it does not, say so in the category's description.`,
      [...listOf(register.ref), { source: 'GDPR', at: 'Art. 9(1)-(2)' }],
    ));
  }
  return out;
}

/** Data that indicates special categories should carry an Art. 9 condition (a warning: a judgement call). */
export const specialCategoryIndicatedRule: LintRule = { name: 'special-category-indicated', codes: ['special-category-indicated'], check };
