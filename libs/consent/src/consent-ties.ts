import type { Purpose, Register } from '@regula/engine';

/** A purpose that rests on consent alone (every basis it gives is Art. 6(1)(a)). */
export function consentOnly(p: Purpose): boolean {
  return p.legalBases.length > 0 && p.legalBases.every((b) => b.article === '6(1)(a)');
}

/**
 * The data categories of `register` that stop when the consent for
 * `purposeId` is withdrawn: the categories that purpose processes, minus
 * those another purpose of the register still needs, i.e. a purpose with
 * a basis other than consent (a contract, a legal obligation, a legitimate
 * interest), or a consent-based purpose the subject still consents to
 * (`stillConsented`). Pure.
 */
export function tiedCategories(register: Register, purposeId: string, stillConsented: readonly string[] = []): string[] {
  const purpose = register.purposes.find((p) => p.id === purposeId);
  if (!purpose) return [];
  const needed = new Set(
    register.purposes
      .filter((p) => p.id !== purposeId && (!consentOnly(p) || stillConsented.includes(p.id)))
      .flatMap((p) => p.categories),
  );
  return [...new Set(purpose.categories)].filter((c) => !needed.has(c));
}
