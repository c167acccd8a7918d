import { InvalidInputError } from '@regula/platform';
import { recipientsOf, registerIndex } from './register-facts';
import type { FulfilmentContext } from './fulfilment.types';
import type { SubjectData } from './subject-data';

/**
 * Disclosures the controller may not reveal to the subject. Inomedis clause 38
 * (and Art. 23 GDPR with national law) exempts state institutions that
 * conduct criminal proceedings or operational activities, and others the law
 * forbids naming. The register schema has no flag for such a body (its
 * recipient category "law-enforcement bodies, courts and other institutions"
 * also covers bodies that must be named), so the admin names the disclosures
 * to withhold, and Regula checks the claim can be right: the tenant states
 * the exception (a `recipients-in-period` right with conditions) and each
 * disclosure went to a recipient of kind 'authority'. Withheld disclosures
 * are left out silently (not even counted in the answer) and recorded in the
 * audit entry.
 */
export function validateWithheld(
  ctx: Pick<FulfilmentContext, 'controller' | 'registers'> & { data: Pick<SubjectData, 'disclosures'> }, ids: string[] | undefined,
): string[] {
  if (!ids?.length) return [];
  const exception = ctx.controller.rights.find((r) => r.right === 'recipients-in-period' && r.conditions);
  if (!exception) throw new InvalidInputError('this controller states no exception to naming recipients: nothing may be withheld');
  const defs = registerIndex(ctx.registers);
  for (const id of new Set(ids)) {
    const d = ctx.data.disclosures.find((x) => x.id === id);
    if (!d) throw new InvalidInputError(`disclosure ${id} is not one of this subject's`);
    const def = defs.get(d.registerKey);
    const recipient = def ? recipientsOf(def).find((r) => r.id === d.recipientId) : undefined;
    if (recipient?.kind !== 'authority') {
      throw new InvalidInputError(`disclosure ${id} went to "${d.recipientName}", not a public authority of the register: only authorities fall under the stated exception`);
    }
  }
  return [...new Set(ids)];
}
