import { ControllerDefinition, IdentityCheck, RightCode } from '../../schema/controller';
import { Ref } from '../../schema/text';
import { finding } from '../codes';
import { Finding } from '../finding';
import { LintRule } from '../rule';

const EDPB: Ref = { source: 'EDPB-01/2022', at: '§§ 60-79' };

const WHAT: Partial<Record<IdentityCheck, string>> = {
  'signed-written-request': 'a signed paper document',
  'qualified-e-signature': 'a qualified electronic signature',
};

const RIGHT_NAMES: Partial<Record<RightCode, string>> = {
  A15: 'access', A16: 'rectification', A17: 'erasure', A18: 'restriction', A20: 'portability', A21: 'objection', 'A7-3': 'withdrawal of consent',
};

/**
 * A request must be as easy to make as the law allows (Art. 12(2)): identity is
 * checked with what the controller already knows (e.g. a link to the e-mail
 * address it holds), and more only where there is reasonable doubt (Art. 12(6)).
 * Demanding signed paper or a qualified e-signature from everyone is out of
 * proportion (EDPB Guidelines 01/2022 §§ 64-79). A demand for one right is
 * corrected when that right's statement carries a ref with provenance
 * 'corrected' citing Art. 12 or the EDPB guidelines: Regula offers a
 * proportionate way beyond the notice's demand (an upload on its request page
 * after a code sent to the known e-mail address), and the finding is a warning
 * about the notice. A demand made of every request (`default`) is always an error.
 */
function check(def: ControllerDefinition): Finding[] {
  const identity = def.requests?.identity;
  if (!identity || typeof identity !== 'object') return [];
  const ref = [...(Array.isArray(identity.ref) ? identity.ref : []), { source: 'GDPR', at: 'Art. 12(2), 12(6)' }, EDPB];
  /** The corrections of the identity check stated on a right's statement. */
  const correctionsOf = (right: RightCode | undefined): Ref[] => {
    if (!right) return [];
    const statement = (Array.isArray(def.rights) ? def.rights : []).find((r) => r.right === right);
    return (Array.isArray(statement?.ref) ? statement.ref : [])
      .filter((r) => r.provenance === 'corrected' && (/^Art\. 12\b/.test(r.at ?? '') || r.source === EDPB.source));
  };
  const out: Finding[] = [];
  const demand = (check: IdentityCheck, path: string, who: string, right?: RightCode) => {
    const what = WHAT[check];
    if (!what) return;
    const corrected = correctionsOf(right);
    if (corrected.length > 0) {
      out.push(finding(
        'notice-request-form-disproportionate', path,
        `In the controller's notice: ${who.charAt(0).toLowerCase()}${who.slice(1)} must come as ${what}, an identification out of proportion (Art. 12(2), 12(6); EDPB Guidelines 01/2022 §§ 64-79). The published requirement was corrected: ${corrected.map((r) => r.note).filter(Boolean).join('; ')}. Have the controller correct its notice too.`,
        ref,
      ));
      return;
    }
    out.push(finding(
      'request-form-disproportionate', path,
      `${who} must come as ${what}. Identification must be proportionate (Art. 12(2), 12(6); EDPB Guidelines 01/2022 §§ 64-79): accept a request through any official channel, check identity with what you already hold (a link to the known e-mail address), and ask for more only where there is reasonable doubt. Use 'email-link'.`,
      ref,
    ));
  };
  demand(identity.default, 'requests.identity.default', 'Every rights request');
  for (const [right, check] of Object.entries(identity.perRight ?? {}) as [RightCode, IdentityCheck][]) {
    demand(check, `requests.identity.perRight.${right}`, `A request for ${RIGHT_NAMES[right] ?? right} (${right})`, right);
  }
  return out;
}

/** Identity and form requirements for rights requests must be proportionate. */
export const requestFormRule: LintRule = { name: 'request-form', codes: ['request-form-disproportionate', 'notice-request-form-disproportionate'], check };
