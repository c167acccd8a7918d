import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { itemsAt, listOf, purposesOf } from '../facts';
import { Finding } from '../finding';
import { isPurchasePurpose } from '../keywords';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const { item: purpose, path } of purposesOf(def)) {
    if (purpose.directMarketing || !isPurchasePurpose(purpose)) continue;
    if (listOf(purpose.legalBases).some((b) => b.article === '6(1)(b)')) continue;
    for (const { item: basis, path: p } of itemsAt(path, 'legalBases', purpose.legalBases)) {
      if (basis.article !== '6(1)(a)') continue;
      out.push(finding('consent-for-purchase', `${p}.article`, `Purpose '${purpose.id}' is about buying, ordering or performing a contract but relies on consent: processing necessary to perform a contract rests on Art. 6(1)(b), and consent a purchase depends on is not freely given (Art. 7(4)). Use 6(1)(b) (seed 004 clause 14 makes this mistake).`, basis.ref));
    }
  }
  return out;
}

/** Consent is not the basis for a purchase (GDPR Art. 6(1)(b), 7(4)). */
export const purchaseConsentRule: LintRule = { name: 'purchase-consent', codes: ['consent-for-purchase'], check };
