import { ControllerDefinition, Lang } from '@regula/engine';
import { RequestType } from '@regula/requests';
import { localText } from '../web/i18n';
import { identityCheckFor } from '../web/public-tenant';

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The ways a data subject can show who they are for one request type. Every
 * page that says how (the form's identity panel, its "conditions" line, the
 * confirmation, the status page, the home page) is built from this one list,
 * so no two of them can disagree.
 *
 * - `email-code`: the tenant asks for the e-mail code only.
 * - `held-address-code`: where the tenant asks for more (a hand-signed
 *   request, a qualified e-signature), the proportionate method is always
 *   offered beside it: a code sent to an e-mail address the controller
 *   already holds for the subject confirms the request by itself
 *   (RequestFilingService.verifyEmail). A controller may ask only for what is
 *   reasonable to confirm identity (GDPR Art. 12(2), 12(6), recital 64; EDPB
 *   Guidelines 01/2022 §§ 70-77).
 * - `signed-upload` / `qes-upload`: the heavier form the tenant asks for,
 *   uploaded on the status page (a scan of the hand-signed request also
 *   where a qualified e-signature is asked for: nobody needs one).
 * - `signed-letter`: the same request signed by hand, by post, where the
 *   tenant names a postal channel; the admin records when it arrived
 *   (`arrivedAt`), and the clock runs again from then.
 */
export const IDENTITY_WAYS = ['email-code', 'held-address-code', 'signed-upload', 'qes-upload', 'signed-letter'] as const;
export type IdentityWay = (typeof IDENTITY_WAYS)[number];

type Def = Pick<ControllerDefinition, 'requests'>;

export function identityWays(def: Def, type: RequestType): IdentityWay[] {
  const check = identityCheckFor(def, type);
  if (check === 'email-link') return ['email-code'];
  const byPost = def.requests.channels.some((c) => c.kind === 'post');
  // A qualified e-signature is never the only form: the hand-signed request (scan or letter) is its paper equivalent.
  const uploads: IdentityWay[] = check === 'qualified-e-signature' ? ['qes-upload', 'signed-upload'] : ['signed-upload'];
  return ['held-address-code', ...uploads, ...(byPost ? (['signed-letter'] as const) : [])];
}

/** The tenant's postal address for requests, in the page's language. */
function postalAddress(def: Def, lang: Lang): string {
  const post = def.requests.channels.find((c) => c.kind === 'post');
  return post ? localText(post.value, lang)?.value ?? '' : '';
}

export interface IdentityWaysView {
  /** Said before the list where the tenant asks for more than the code. */
  intro?: string;
  ways: { way: IdentityWay; text: string }[];
  /** Why the code can be enough (the law), where it stands beside a heavier form. */
  why?: string;
  /** The same ways in a few words, for the conditions line. */
  short: { way: IdentityWay; text: string }[];
  /** The conditions line's label. */
  label: string;
}

/**
 * `addressRejected`: the requester's confirmed address is not one the
 * controller holds (the code did not suffice): the held-address way says so
 * and how to use it still.
 */
export function identityWaysView(def: Def, type: RequestType, lang: Lang, t: T, vars: { name: string; maxMb: number }, opts: { addressRejected?: boolean } = {}): IdentityWaysView {
  const ways = identityWays(def, type);
  const heavier = ways[0] === 'held-address-code';
  const address = postalAddress(def, lang);
  const text = (way: IdentityWay) =>
    way === 'held-address-code' && opts.addressRejected ? t('identity.ways.held-address-retry', vars) : t(`identity.ways.${way}`, { ...vars, address });
  return {
    intro: heavier ? t('identity.ways.intro', vars) : undefined,
    ways: ways.map((way) => ({ way, text: text(way) })),
    why: heavier ? t('identity.ways.why', vars) : undefined,
    short: ways.map((way) => ({ way, text: t(`identity.short.${way}`, vars) })),
    label: t('identity.conditionsLabel'),
  };
}
