/**
 * Intl formatters kept by locale and options: building an
 * Intl.DateTimeFormat or Intl.DisplayNames costs far more than formatting
 * with one (a page or an e-mail formats a few dates each). The options of a
 * call site are few and fixed, so the maps stay small.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const displayNames = new Map<string, Intl.DisplayNames>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

export function displayNamesOf(locale: string, type: Intl.DisplayNamesType): Intl.DisplayNames {
  const key = `${locale}|${type}`;
  let f = displayNames.get(key);
  if (!f) displayNames.set(key, (f = new Intl.DisplayNames([locale], { type })));
  return f;
}
