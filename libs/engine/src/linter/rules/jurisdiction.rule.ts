import { isLaw } from '../../catalog/laws';
import { COUNTRY_CATALOGUE } from '../../catalog/countries/catalogue';
import { ControllerDefinition } from '../../schema/controller';
import { isCountry } from '../../schema/jurisdiction';
import { finding } from '../codes';
import { Finding } from '../finding';
import { LintRule } from '../rule';
import { eachRef } from '../walk';

/** Region names that are the right transfer boundary for an EU/EEA controller (GDPR Chapter V). */
const EEA_ACRONYM = /(^|[^\p{L}])(EEA|EU|EEE|EES|EEZ|EØS|EMP|EL|ES)([^\p{L}]|$)/u;
const EEA_WORD = /europ|eiropas|euroopa/iu;

function checkNationalRules(def: ControllerDefinition): Finding[] {
  const j = def.jurisdiction;
  const entry = j && isCountry(j.country) ? COUNTRY_CATALOGUE[j.country] : undefined;
  if (!j || !entry) return [];
  const out: Finding[] = [];
  if (j.art8Age !== entry.art8Age.age) {
    out.push(finding('jurisdiction-mismatch', 'jurisdiction.art8Age', `The Art. 8 age is ${j.art8Age} but the national act of ${j.country} sets ${entry.art8Age.age} (Art. 8(1)): use jurisdictionFor('${j.country}', ...).`, entry.art8Age.ref));
  }
  if (j.timeZone !== entry.timeZone.zone) {
    out.push(finding('jurisdiction-mismatch', 'jurisdiction.timeZone', `The time zone is ${j.timeZone} but deadlines of a controller in ${j.country} run in ${entry.timeZone.zone} (Regulation 1182/71 Art. 2, 3): use jurisdictionFor('${j.country}', ...).`));
  }
  return out;
}

function checkTransferBoundary(def: ControllerDefinition): Finding[] {
  const claim = def.notice?.transferBoundary;
  if (!claim || EEA_ACRONYM.test(claim.region) || EEA_WORD.test(claim.region)) return [];
  return [finding('notice-wrong-jurisdiction', 'notice.transferBoundary.region', `The notice speaks of transfers outside "${claim.region}", but for a controller in ${def.jurisdiction?.country ?? 'the EU'} a transfer is a transfer outside the EEA, with Art. 45-49 safeguards (standard contractual clauses adopted by the European Commission): rewrite the notice's transfer section.`, claim.ref)];
}

/** `EE-ACCOUNTING-ACT` is an Estonian law; laws are catalogued with their country as prefix. */
function checkForeignLaws(def: ControllerDefinition): Finding[] {
  const country = def.jurisdiction?.country;
  if (!country) return [];
  const out: Finding[] = [];
  eachRef(def, (ref, path) => {
    const prefix = /^([A-Z]{2})-/.exec(ref.source ?? '')?.[1];
    if (!prefix || prefix === country || !isLaw(ref.source) || !isCountry(prefix)) return;
    out.push(finding('foreign-law-reference', `${path}.source`, `The reference cites ${ref.source}, a law of ${prefix}, but the controller is established in ${country}: cite the ${country} law that applies.`, [ref]));
  });
  return out;
}

/** The law of the controller's country, not another's (seed 001 was written for the USA). */
export const jurisdictionRule: LintRule = {
  name: 'jurisdiction',
  codes: ['jurisdiction-mismatch', 'notice-wrong-jurisdiction', 'foreign-law-reference'],
  check: (def) => [...checkNationalRules(def), ...checkTransferBoundary(def), ...checkForeignLaws(def)],
};
