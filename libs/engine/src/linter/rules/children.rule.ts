import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { articlesOf, itemsAt, listOf, purposesOf, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  const art8Age = def.jurisdiction?.art8Age;
  if (typeof art8Age !== 'number') return out;
  const country = def.jurisdiction.country;
  const consentPurposes = purposesOf(def).filter(({ item }) => articlesOf([item]).has('6(1)(a)'));
  const children = def.children;
  if (children && children.minimumAge < art8Age) {
    if (consentPurposes.length > 0) {
      const ids = consentPurposes.map(({ item }) => `'${item.id}'`).join(', ');
      out.push(finding('children-below-art8-age', 'children.minimumAge', `The service admits children from ${children.minimumAge}, below the Art. 8 age of ${art8Age} in ${country}, while purposes ${ids} rely on consent: a child's consent below ${art8Age} needs the holder of parental responsibility (Art. 8(1)). Raise the minimum age or add parental consent.`, children.ref));
    } else {
      out.push(finding('children-age-low', 'children.minimumAge', `The service admits children from ${children.minimumAge}, below the Art. 8 age of ${art8Age} in ${country}. No purpose relies on consent now, but any later consent would need parental authorisation (Art. 8(1), recital 38): check the age is intended.`, children.ref));
    }
  }
  for (const { item, path } of itemsAt('notice', 'childrenAges', def.notice?.childrenAges)) {
    if (item.age < art8Age) {
      out.push(finding('notice-children-age', `${path}.age`, `The notice mentions children under ${item.age}, but the Art. 8 age in ${country} is ${art8Age}: state the age that applies in ${country} (Art. 8(1)).`, item.ref));
    }
  }
  for (const { item: register, path } of registersOf(def)) {
    if (!articlesOf(listOf(register.purposes)).has('6(1)(a)')) continue;
    for (const { item: subject, path: p } of itemsAt(path, 'subjects', register.subjects)) {
      if (!subject.mayIncludeChildren) continue;
      out.push(finding('children-consent', `${p}.mayIncludeChildren`, `Data subjects '${subject.id}' may include children and register '${register.id}' relies on consent: below ${art8Age} it must be given or authorised by the holder of parental responsibility, with reasonable efforts to verify (Art. 8(1)-(2)).`, subject.ref));
    }
  }
  return out;
}

/** Children and the national Art. 8 age. */
export const childrenRule: LintRule = {
  name: 'children',
  codes: ['children-below-art8-age', 'children-age-low', 'notice-children-age', 'children-consent'],
  check,
};
