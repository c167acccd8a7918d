import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { Finding } from '../finding';
import { BASIS_KEYWORDS } from '../keywords';
import { LintRule } from '../rule';
import { textValues } from '../walk';

/** "Continued use" in en, et, lt, lv, sv. */
const CONTINUED_USE: RegExp[] = [/continu\p{L}* (?:use|to use)/iu, /jätkuv\p{L}* kasutami/iu, /toliau naudo/iu, /turpinot izmantot/iu, /fortsatt användning/iu, /fortsätter att använda/iu];

const LAW = { source: 'GDPR', at: 'Art. 4(11), 7, recital 32' };

const WHY = 'Consent must be a clear affirmative act, never silence or continued use (Art. 4(11), recital 32), and a change of the policy is information to the reader (Art. 12, 13(3)), not something they consent to; a new purpose that needs consent needs its own specific consent';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  const published = textValues(def.policyChanges?.description);
  const continuedUse = published.some((v) => CONTINUED_USE.some((re) => re.test(v)));
  const consent = published.some((v) => BASIS_KEYWORDS['6(1)(a)'].some((re) => re.test(v)));
  if (continuedUse || consent) {
    out.push(finding(
      'change-clause-consent', 'policyChanges.description',
      `The change clause ${continuedUse ? 'takes continued use as acceptance of a changed policy' : 'ties changes of the policy to the reader\'s consent'}. ${WHY}. Say how changes are announced and from when they apply, without consent.`,
      [...(Array.isArray(def.policyChanges?.ref) ? def.policyChanges.ref : []), LAW],
    ));
  }
  const claim = def.notice?.changeClause;
  if (claim && !(continuedUse || consent)) {
    const says = claim.says === 'continued-use-is-consent' ? 'takes continued use of the service as consent to a changed policy' : 'says changes of the policy need the reader\'s consent';
    out.push(finding(
      'notice-change-clause-consent', 'notice.changeClause',
      `The controller's notice ${says}. ${WHY}. The published change clause does not repeat it; have the controller remove it from its own notice.`,
      [...(Array.isArray(claim.ref) ? claim.ref : []), LAW],
    ));
  }
  return out;
}

/** A change clause must not make consent out of continued use, nor ask consent for changes. */
export const changeClauseRule: LintRule = { name: 'change-clause', codes: ['change-clause-consent', 'notice-change-clause-consent'], check };
