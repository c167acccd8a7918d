import Holidays from 'date-holidays';
import { COUNTRY_CATALOGUE } from '../catalog/countries/catalogue';
import { Country, isCountry } from '../schema/jurisdiction';
import { LocalDate, addLocalDays, formatLocalDate, isValidLocalDate, weekdayOf } from '../time/zoned';

/**
 * Public holidays of the catalogue's countries, from `date-holidays` (each
 * country's calendar code and holiday-name language are in its catalogue entry).
 *
 * Regulation 1182/71 Art. 2(1): the public holidays that count are those of the
 * Member State where the action is to be taken (the controller's country).
 * Only holidays typed `public` count: by default `date-holidays` also returns
 * observances, and it types Swedish Midsummer Eve, Christmas Eve and New Year's
 * Eve as `bank` days, which are not public holidays for Regulation 1182/71.
 * Latvian substitute days (a holiday falling on a weekend moves to Monday) are
 * typed `public` and count.
 */
export interface PublicHoliday {
  /** Local date, 'YYYY-MM-DD'. */
  date: string;
  /** English name. */
  name: string;
  /** Name in the country's language. */
  localName: string;
}

const calendars = new Map<Country, Holidays>();
/** Per country and year: local date -> holidays on that date. */
const byYear = new Map<string, Map<string, PublicHoliday[]>>();

function calendarFor(country: Country): Holidays {
  let hd = calendars.get(country);
  if (!hd) {
    if (!isCountry(country)) throw new RangeError(`no holiday calendar for country ${country}`);
    hd = new Holidays(COUNTRY_CATALOGUE[country].holidays.code, { types: ['public'] });
    calendars.set(country, hd);
  }
  return hd;
}

function holidaysOfYear(country: Country, year: number): Map<string, PublicHoliday[]> {
  const key = `${country}:${year}`;
  let map = byYear.get(key);
  if (map) return map;
  const hd = calendarFor(country);
  const english = hd.getHolidays(year, 'en');
  const local = hd.getHolidays(year, COUNTRY_CATALOGUE[country].holidays.language);
  map = new Map();
  english.forEach((h) => {
    if (h.type !== 'public') return;
    // `date` is the local start date ("YYYY-MM-DD hh:mm:ss"); a holiday lasting
    // more than one day covers each of its days.
    const first = { year: Number(h.date.slice(0, 4)), month: Number(h.date.slice(5, 7)), day: Number(h.date.slice(8, 10)) };
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    const localName = local.find((l) => l.rule === h.rule && l.date === h.date)?.name ?? h.name;
    for (let k = 0; k < days; k++) {
      const date = formatLocalDate(addLocalDays(first, k));
      const list = map!.get(date) ?? [];
      list.push({ date, name: h.name, localName });
      map!.set(date, list);
    }
  });
  byYear.set(key, map);
  return map;
}

/** The public holidays of `country` in `year`, in date order. */
export function publicHolidays(country: Country, year: number): PublicHoliday[] {
  return [...holidaysOfYear(country, year).values()].flat().sort((a, b) => a.date.localeCompare(b.date));
}

/** The public holidays of `country` on the local date y-m-d (m is 1-12); empty if none. */
export function publicHolidaysOn(country: Country, y: number, m: number, d: number): PublicHoliday[] {
  const date: LocalDate = { year: y, month: m, day: d };
  if (!isValidLocalDate(date)) throw new RangeError(`not a calendar date: ${y}-${m}-${d}`);
  return holidaysOfYear(country, y).get(formatLocalDate(date)) ?? [];
}

/** Is y-m-d (m is 1-12) a public holiday of `country` (Regulation 1182/71 Art. 2(1))? */
export function isPublicHoliday(country: Country, y: number, m: number, d: number): boolean {
  return publicHolidaysOn(country, y, m, d).length > 0;
}

/**
 * Is y-m-d a working day in `country`: not a Saturday, Sunday or public holiday
 * (Regulation 1182/71 Art. 2(2)).
 */
export function isWorkingDay(country: Country, y: number, m: number, d: number): boolean {
  const wd = weekdayOf({ year: y, month: m, day: d });
  return wd !== 0 && wd !== 6 && !isPublicHoliday(country, y, m, d);
}
