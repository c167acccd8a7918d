import { ControllerDefinition } from '../../schema/controller';
import { Art6Basis, LegalBasis } from '../../schema/legal-basis';
import { Purpose } from '../../schema/register';
import { Ref, Text } from '../../schema/text';
import { describeBasis } from '../basis-names';
import { finding } from '../codes';
import { basesOf, isBlank, itemsAt } from '../facts';
import { Finding } from '../finding';
import { basesNamedIn, isPurchasePurpose, normaliseArticle } from '../keywords';
import { LintRule } from '../rule';

/** A description that clearly names another basis and not its own (keywords in every language). */
export function contradiction(article: Art6Basis, description: Text | undefined, path: string, owner: string, ref?: Ref[]): Finding[] {
  const named = basesNamedIn(description);
  if (named.has(article) || named.size === 0) return [];
  const others = [...named].map(describeBasis).join(' and ');
  return [finding('legal-basis-contradiction', path, `${owner} relies on ${describeBasis(article)} but its description speaks of ${others}: fix the article or the description (Art. 6(1), 13(1)(c)); record a notice's wrong label in citedInNotice.`, ref)];
}

function noticeLabel(basis: LegalBasis, purpose: Purpose, path: string): Finding[] {
  if (isBlank(basis.citedInNotice)) return [];
  const cited = normaliseArticle(basis.citedInNotice as string);
  if (cited === basis.article) return [];
  if (cited === '6(1)(a)' && (basis.article === '6(1)(b)' || isPurchasePurpose(purpose))) {
    return [finding('notice-consent-for-purchase', `${path}.citedInNotice`, `The notice cites consent (Art. 6(1)(a)) for purpose '${purpose.id}', which performs a contract with the customer: purchases rest on Art. 6(1)(b), and consent that a purchase depends on is not free (Art. 7(4)). Correct the notice to cite ${describeBasis(basis.article)}.`, basis.ref)];
  }
  return [finding('notice-legal-basis-label', `${path}.citedInNotice`, `The notice cites ${describeBasis(cited)} for purpose '${purpose.id}', but the basis relied on is ${describeBasis(basis.article)}: correct the article the notice cites (Art. 13(1)(c)).`, basis.ref)];
}

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  for (const { item: basis, path, purpose } of basesOf(def)) {
    const owner = `The basis of purpose '${purpose.id}'`;
    if (basis.article === '6(1)(f)' && isBlank(basis.legitimateInterest?.en)) {
      out.push(finding('legitimate-interest-missing', `${path}.legitimateInterest`, `${owner} is Art. 6(1)(f) but states no legitimate interest: say which interest is pursued (Art. 6(1)(f), 13(1)(d)).`, basis.ref));
    }
    if (basis.article === '6(1)(c)' && !basis.legalObligation) {
      out.push(finding('legal-obligation-missing', `${path}.legalObligation`, `${owner} is Art. 6(1)(c) but names no law imposing the obligation: add legalObligation with the law and its reference (Art. 6(1)(c), 6(3)).`, basis.ref));
    }
    out.push(...contradiction(basis.article, basis.description, `${path}.description`, owner, basis.ref));
    out.push(...noticeLabel(basis, purpose, path));
  }
  for (const { item: company, path } of itemsAt('', 'groupCompanies', def.groupCompanies)) {
    if (company.sharing) {
      out.push(...contradiction(company.sharing.basis, company.sharing.description, `${path}.sharing.description`, `Sharing with ${company.name}`, company.ref));
    }
  }
  return out;
}

/** Art. 6(1) bases: their required details, descriptions that contradict them, and the notice's labels. */
export const legalBasisRule: LintRule = {
  name: 'legal-basis',
  codes: ['legitimate-interest-missing', 'legal-obligation-missing', 'legal-basis-contradiction', 'notice-legal-basis-label', 'notice-consent-for-purchase'],
  check,
};
