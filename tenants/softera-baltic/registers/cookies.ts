import { Cookie, CookieCategory, Duration, Text } from '@regula/engine';
import { assumed, notice } from '../refs';

/**
 * The cookie table of section 13, complete and in the notice's order. The notice
 * gives name, description and expiry; provider and category are derived:
 * - provider: named in the description (Google Analytics, Facebook, Google AdSense),
 *   Hotjar for the `_hj*` cookies (the notice does not name Hotjar), otherwise first party;
 *   a provider the description does not name is assumed (`fieldRefs.provider`);
 * - category: from the description and the four purposes of section 12.
 * Section 12: consent is obtained for every cookie that is not strictly necessary,
 * so every cookie but `fcsft` is `consent`.
 *
 * Expiries are exactly as stated, in the unit the notice prints ("1 minute",
 * "30 minutes", "24 hours", ...).
 */

const ONE_MINUTE: Duration = { minutes: 1 };
const THIRTY_MINUTES: Duration = { minutes: 30 };
const TWENTY_FOUR_HOURS: Duration = { hours: 24 };
const THREE_MONTHS: Duration = { months: 3 };
const ONE_YEAR: Duration = { years: 1 };
const TWO_YEARS: Duration = { years: 2 };

const HOTJAR_NOTE = 'provider inferred from the _hj prefix (Hotjar); the notice does not name Hotjar';
const FIRST_PARTY_NOTE = 'first party inferred: the description names no third party';

function cookie(
  name: string,
  provider: 'first party' | 'Google Analytics' | 'Hotjar' | 'Facebook' | 'Google AdSense',
  category: CookieCategory,
  expiry: Cookie['expiry'],
  purpose: Text,
  note?: string,
  assumedFields: ('provider' | 'category')[] = ['provider'],
): Cookie {
  return {
    name,
    provider,
    firstParty: provider === 'first party',
    category,
    purpose,
    expiry,
    basis: category === 'strictly-necessary' ? 'exempt' : 'consent',
    ref: [notice('s13'), notice('s12', 'consent for all but strictly necessary cookies')],
    ...(note ? { fieldRefs: Object.fromEntries(assumedFields.map((f) => [f, [assumed('s13', note)]])) } : {}),
  };
}

export const SOFTERA_COOKIES: Cookie[] = [
  cookie('_gat_UA-34559195-2', 'Google Analytics', 'statistics', ONE_MINUTE, {
    lt: 'Riboja į Google Analytics siunčiamų užklausų dažnį.',
    en: 'Limits the rate of requests sent to Google Analytics.',
  }),
  cookie('mcsft', 'first party', 'preferences', ONE_YEAR, {
    lt: 'Įsimena naudotojo pasirinktus svetainės nustatymus ir parinktis.',
    en: 'Remembers the user’s preferences and settings for the website.',
  }, FIRST_PARTY_NOTE),
  cookie('scsft', 'first party', 'marketing', ONE_YEAR, {
    lt: 'Stebi naudotojo naršymą svetainėje, kad jam būtų galima pritaikyti turinį.',
    en: 'Follows the user’s browsing on the website to personalise the content shown.',
  }, `${FIRST_PARTY_NOTE}; category chosen by Regula: tracking of browsing behaviour for personalisation`, ['provider', 'category']),
  cookie('_hjIncludedInSessionSample_2892099', 'Hotjar', 'statistics', THIRTY_MINUTES, {
    lt: 'Nustato, ar naudotojo naršymas įtraukiamas į statistikai registruojamą imtį.',
    en: 'Determines whether the user’s browsing is included in the sample recorded for statistics.',
  }, HOTJAR_NOTE),
  cookie('ccsft', 'first party', 'preferences', ONE_YEAR, {
    lt: 'Saugo svetainės konfigūracijos ir pritaikymo nustatymus.',
    en: 'Stores the website’s configuration and customisation settings.',
  }, FIRST_PARTY_NOTE),
  cookie('_hjSession_2892099', 'Hotjar', 'statistics', 'session', {
    lt: 'Išsaugo naudotojo būseną pereinant tarp to paties apsilankymo puslapių.',
    en: 'Keeps the user’s state from one page request to the next during a visit.',
  }, HOTJAR_NOTE),
  cookie('_hjFirstSeen', 'Hotjar', 'statistics', THIRTY_MINUTES, {
    lt: 'Atpažįsta pirmąjį naujo naudotojo apsilankymą ir parodo, ar jis svetainėje lankėsi anksčiau.',
    en: 'Recognises a new user’s first session and shows whether the user has visited before.',
  }, HOTJAR_NOTE),
  cookie('ln_or', 'first party', 'preferences', ONE_YEAR, {
    lt: 'Įsimena naudotojo pasirinktą kalbą.',
    en: 'Remembers the user’s language preference.',
  }, FIRST_PARTY_NOTE),
  cookie('_hjAbsoluteSessionInProgress', 'Hotjar', 'statistics', THIRTY_MINUTES, {
    lt: 'Skaičiuoja, kiek kartų svetainėje apsilankė skirtingi naudotojai.',
    en: 'Counts how many times the website has been visited by different users.',
  }, HOTJAR_NOTE),
  cookie('_fbp', 'Facebook', 'marketing', THREE_MONTHS, {
    lt: 'Facebook jį naudoja savo reklamos produktams, pavyzdžiui, trečiųjų šalių reklamuotojų realaus laiko aukcionams, teikti.',
    en: 'Used by Facebook to deliver its advertising products, such as real-time bidding by third-party advertisers.',
  }),
  cookie('_gid', 'Google Analytics', 'statistics', TWENTY_FOUR_HOURS, {
    lt: 'Priskiria unikalų identifikatorių, pagal kurį rengiama statistika apie tai, kaip lankytojas naudojasi svetaine.',
    en: 'Assigns a unique identifier used to produce statistics on how the visitor uses the website.',
  }, 'provider inferred: _gid is a Google Analytics cookie'),
  cookie('_gcl_au', 'Google AdSense', 'marketing', THREE_MONTHS, {
    lt: 'Google AdSense jį naudoja reklamos veiksmingumui jo paslaugomis besinaudojančiose svetainėse išbandyti.',
    en: 'Used by Google AdSense to test how effective advertising is across the websites that use its services.',
  }),
  cookie('_ga_FPS8P4DFJJ', 'Google Analytics', 'statistics', TWO_YEARS, {
    lt: 'Leidžia Google Analytics atskirti naudotojus.',
    en: 'Lets Google Analytics distinguish users.',
  }),
  cookie('_ga', 'Google Analytics', 'statistics', TWO_YEARS, {
    lt: 'Priskiria unikalų identifikatorių, pagal kurį rengiama statistika apie tai, kaip lankytojas naudojasi svetaine.',
    en: 'Assigns a unique identifier used to produce statistics on how the visitor uses the website.',
  }, 'provider inferred: _ga is a Google Analytics cookie'),
  cookie('_hjSessionUser_2892099', 'Hotjar', 'statistics', ONE_YEAR, {
    lt: 'Saugo unikalų identifikatorių, pagal kurį atpažįstamas grįžtantis naudotojas ir stebimas jo naršymas.',
    en: 'Stores a unique identifier to recognise a returning user and follow their browsing.',
  }, HOTJAR_NOTE),
  cookie('fcsft', 'first party', 'strictly-necessary', 'session', {
    lt: 'Užtikrina saugų ryšį ir naudotojo autentifikavimą.',
    en: 'Secures the communication and authenticates the user.',
  }, FIRST_PARTY_NOTE),
];
