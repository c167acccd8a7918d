import { Country } from '../../schema/jurisdiction';
import { Lang } from '../../schema/text';

/**
 * The catalogue countries' names in the languages Regula renders texts in (the
 * Unicode CLDR names), for addresses and the register's country words.
 */
export const COUNTRY_NAMES: Readonly<Record<Lang, Readonly<Record<Country, string>>>> = {
  en: { AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany', DK: 'Denmark', EE: 'Estonia', ES: 'Spain', FI: 'Finland', FR: 'France', GR: 'Greece', HR: 'Croatia', HU: 'Hungary', IE: 'Ireland', IS: 'Iceland', IT: 'Italy', LI: 'Liechtenstein', LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MT: 'Malta', NL: 'Netherlands', NO: 'Norway', PL: 'Poland', PT: 'Portugal', RO: 'Romania', SE: 'Sweden', SI: 'Slovenia', SK: 'Slovakia' },
  et: { AT: 'Austria', BE: 'Belgia', BG: 'Bulgaaria', CY: 'Küpros', CZ: 'Tšehhi', DE: 'Saksamaa', DK: 'Taani', EE: 'Eesti', ES: 'Hispaania', FI: 'Soome', FR: 'Prantsusmaa', GR: 'Kreeka', HR: 'Horvaatia', HU: 'Ungari', IE: 'Iirimaa', IS: 'Island', IT: 'Itaalia', LI: 'Liechtenstein', LT: 'Leedu', LU: 'Luksemburg', LV: 'Läti', MT: 'Malta', NL: 'Madalmaad', NO: 'Norra', PL: 'Poola', PT: 'Portugal', RO: 'Rumeenia', SE: 'Rootsi', SI: 'Sloveenia', SK: 'Slovakkia' },
  lt: { AT: 'Austrija', BE: 'Belgija', BG: 'Bulgarija', CY: 'Kipras', CZ: 'Čekija', DE: 'Vokietija', DK: 'Danija', EE: 'Estija', ES: 'Ispanija', FI: 'Suomija', FR: 'Prancūzija', GR: 'Graikija', HR: 'Kroatija', HU: 'Vengrija', IE: 'Airija', IS: 'Islandija', IT: 'Italija', LI: 'Lichtenšteinas', LT: 'Lietuva', LU: 'Liuksemburgas', LV: 'Latvija', MT: 'Malta', NL: 'Nyderlandai', NO: 'Norvegija', PL: 'Lenkija', PT: 'Portugalija', RO: 'Rumunija', SE: 'Švedija', SI: 'Slovėnija', SK: 'Slovakija' },
  sv: { AT: 'Österrike', BE: 'Belgien', BG: 'Bulgarien', CY: 'Cypern', CZ: 'Tjeckien', DE: 'Tyskland', DK: 'Danmark', EE: 'Estland', ES: 'Spanien', FI: 'Finland', FR: 'Frankrike', GR: 'Grekland', HR: 'Kroatien', HU: 'Ungern', IE: 'Irland', IS: 'Island', IT: 'Italien', LI: 'Liechtenstein', LT: 'Litauen', LU: 'Luxemburg', LV: 'Lettland', MT: 'Malta', NL: 'Nederländerna', NO: 'Norge', PL: 'Polen', PT: 'Portugal', RO: 'Rumänien', SE: 'Sverige', SI: 'Slovenien', SK: 'Slovakien' },
  lv: { AT: 'Austrija', BE: 'Beļģija', BG: 'Bulgārija', CY: 'Kipra', CZ: 'Čehija', DE: 'Vācija', DK: 'Dānija', EE: 'Igaunija', ES: 'Spānija', FI: 'Somija', FR: 'Francija', GR: 'Grieķija', HR: 'Horvātija', HU: 'Ungārija', IE: 'Īrija', IS: 'Islande', IT: 'Itālija', LI: 'Lihtenšteina', LT: 'Lietuva', LU: 'Luksemburga', LV: 'Latvija', MT: 'Malta', NL: 'Nīderlande', NO: 'Norvēģija', PL: 'Polija', PT: 'Portugāle', RO: 'Rumānija', SE: 'Zviedrija', SI: 'Slovēnija', SK: 'Slovākija' },
};
