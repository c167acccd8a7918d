import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { itemsAt, registersOf } from '../facts';
import { Finding } from '../finding';
import { LintRule } from '../rule';

function check(def: ControllerDefinition): Finding[] {
  const out: Finding[] = [];
  const promise = def.notice?.noThirdPartyTrackers;
  for (const { item: register, path } of registersOf(def)) {
    for (const { item: cookie, path: p } of itemsAt(path, 'cookies', register.cookies)) {
      if ((cookie.category === 'statistics' || cookie.category === 'marketing') && cookie.basis === 'exempt') {
        out.push(finding('cookie-without-consent', `${p}.basis`, `Cookie '${cookie.name}' is a ${cookie.category} cookie set without consent: only strictly necessary storage is exempt (ePrivacy Directive Art. 5(3), ${def.jurisdiction?.eCommunicationsAct?.name?.en ?? 'the national e-communications act'}). Set basis 'consent' and ask before setting it.`, cookie.ref));
      }
      if (cookie.category === 'strictly-necessary' && cookie.basis === 'consent') {
        out.push(finding('cookie-consent-not-needed', `${p}.basis`, `Cookie '${cookie.name}' is strictly necessary and needs no consent (ePrivacy Directive Art. 5(3)); basis 'exempt' avoids a consent banner that changes nothing.`, cookie.ref));
      }
      if (promise && cookie.firstParty === false) {
        out.push(finding('third-party-cookie-contradiction', `${p}.firstParty`, `Cookie '${cookie.name}' is set by ${cookie.provider}, a third party, but the notice promises no third-party trackers: remove the cookie or the promise (Art. 5(1)(a), 13).`, [...(cookie.ref ?? []), ...(promise.ref ?? [])]));
      }
    }
  }
  if (promise) {
    for (const { item, path } of itemsAt('notice', 'trackersMentioned', def.notice.trackersMentioned)) {
      out.push(finding('notice-contradiction', path, `The notice mentions the third-party tracker "${item.name}" and also promises no third-party trackers: say which is true and publish only that (Art. 5(1)(a), 12(1)).`, [...(item.ref ?? []), ...(promise.ref ?? [])]));
    }
  }
  return out;
}

/** Cookies and trackers (ePrivacy Directive Art. 5(3)). */
export const cookiesRule: LintRule = {
  name: 'cookies',
  codes: ['cookie-without-consent', 'cookie-consent-not-needed', 'third-party-cookie-contradiction', 'notice-contradiction'],
  check,
};
