import { Country, Deadline, Lang, publicHolidaysOn } from '@regula/engine';
import { formatDate, weekdayName } from '../web/format';

type T = (key: string, vars?: Record<string, unknown>) => string;

export interface DeadlineView {
  dueDate: string;
  /** The due date in words, e.g. "otrdiena, 2026. gada 7. aprīlis". */
  dueText: string;
  /** One line on how it was computed, in the page language. */
  lines: string[];
}

/** Names of the holidays on `date`: in the country's own language on pages in that language, else in English. */
function holidayNames(country: Country, date: string, lang: Lang): string[] {
  const [y, m, d] = date.split('-').map(Number);
  const local: Record<string, Lang> = { EE: 'et', LT: 'lt', LV: 'lv', SE: 'sv' };
  return publicHolidaysOn(country, y, m, d).map((h) => (local[country] === lang ? h.localName : h.name));
}

/**
 * The engine's deadline in the page language: the due date and why it is
 * that day (one month from receipt; moved past a weekend or public holiday).
 */
export function deadlineView(deadline: Deadline, country: Country, lang: Lang, t: T): DeadlineView {
  const lines = [t('deadline.oneMonth', { received: formatDate(deadline.receivedDate, lang) })];
  if (deadline.shifted.length) {
    const reasons = deadline.shifted
      .map((s) => {
        const names = holidayNames(country, s.date, lang);
        const why = names.length ? t('deadline.holiday', { name: names.join(', ') }) : weekdayName(s.date, lang);
        return `${formatDate(s.date, lang)}: ${why}`;
      })
      .join('; ');
    lines.push(t('deadline.shifted', { nominal: formatDate(deadline.nominalDate, lang), reasons }));
  }
  return { dueDate: deadline.dueDate, dueText: formatDate(deadline.dueDate, lang, 'full'), lines };
}
