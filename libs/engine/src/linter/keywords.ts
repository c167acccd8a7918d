import { Art6Basis } from '../schema/legal-basis';
import { Purpose } from '../schema/register';
import { Text } from '../schema/text';
import { textValues } from './walk';

/**
 * Keyword heuristics over every language of a text (en, et, lt, sv, lv).
 * Patterns are stems so that inflected forms match ("līgum" covers līgums,
 * līguma, līgumu...). `(?<!\p{L})` anchors a stem at the start of a word
 * where a bare stem would match inside other words ("ost" in "cost").
 */
export const BASIS_KEYWORDS: Record<Art6Basis, RegExp[]> = {
  // Art. 6(1)(a) consent
  '6(1)(a)': [/consent/iu, /piekrišan/iu, /samtyck/iu, /sutikim/iu, /nõusolek/iu],
  // Art. 6(1)(b) contract
  '6(1)(b)': [/contract/iu, /līgum/iu, /avtal/iu, /sutart/iu, /sutarč/iu, /leping/iu],
  // Art. 6(1)(c) legal obligation
  '6(1)(c)': [
    /legal obligation/iu, /required by law/iu, /legislation/iu, /accounting/iu, /statutory/iu,
    /normatīv\p{L}* akt/iu, /tiesību akt/iu,
    /rättslig\p{L}* förpliktelse/iu, /enligt lag/iu, /bokföring/iu,
    /teisės akt/iu, /įstatym/iu,
    /seadus/iu, /kohustus/iu,
  ],
  // Art. 6(1)(d) vital interests
  '6(1)(d)': [/vital/iu, /vitāl/iu, /gyvybin/iu, /eluliste huvide/iu],
  // Art. 6(1)(e) public task
  '6(1)(e)': [/public interest/iu, /official authority/iu, /allmänt intresse/iu, /viešojo intereso/iu, /avaliku huvi/iu],
  // Art. 6(1)(f) legitimate interests
  '6(1)(f)': [
    /legitimate interest/iu, /leģitīm/iu, /likumīg\p{L}* interes/iu,
    /berättiga\p{L}* intress/iu, /intresseavvägning/iu,
    /teisėt\p{L}* interes/iu, /õigustatud huvi/iu,
  ],
};

/** The Art. 6(1) bases a text names, in any of its languages. */
export function basesNamedIn(text: Text | undefined): Set<Art6Basis> {
  const values = textValues(text);
  const named = new Set<Art6Basis>();
  for (const [basis, patterns] of Object.entries(BASIS_KEYWORDS) as [Art6Basis, RegExp[]][]) {
    if (patterns.some((p) => values.some((v) => p.test(v)))) named.add(basis);
  }
  return named;
}

/** Buying, ordering, a purchase or performing a contract, in any language. */
const PURCHASE_KEYWORDS: RegExp[] = [
  /purchas/iu, /\bbuy/iu, /(?<!\bin )\border/iu, /\bcontract/iu,
  /iegād/iu, /pirk/iu, /köp/iu, /beställ/iu, /(?<!\p{L})ost/iu,
  /sutart/iu, /sutarč/iu, /līgum/iu, /avtal/iu, /leping/iu,
];

/** Is the purpose about buying, ordering or performing a contract (by its name or description)? */
export function isPurchasePurpose(purpose: Purpose): boolean {
  const values = [...textValues(purpose.name), ...textValues(purpose.description)];
  return PURCHASE_KEYWORDS.some((p) => values.some((v) => p.test(v)));
}

/** `"Art. 6(1)(b)"`, `"6. panta 1. daļas b)"`-style citations reduced to `6(1)(b)` when they have that shape. */
export function normaliseArticle(cited: string): string {
  const m = /6\s*\(\s*1\s*\)\s*\(?\s*([a-f])\s*\)?/iu.exec(cited);
  return m ? `6(1)(${m[1].toLowerCase()})` : cited.trim();
}
