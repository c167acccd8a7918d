import { Ref, Text } from '../../schema/text';

/** Note that opens every template value's ref: the facts page lists it for confirmation with this reason. */
export const TEMPLATE_NOTE = 'template value Regula filled in for a common processing activity, not stated by the controller';

/**
 * The ref of a value a template filled in: `assumed` (see `provenance/`), citing the
 * law it rests on (`source` a law of the catalogue, GDPR unless said), with what to
 * check in `detail`. A person confirms it on the facts page, or changes it by form.
 */
export function templateRef(at: string, detail: string, source = 'GDPR'): Ref {
  return { source, at, provenance: 'assumed', note: `${TEMPLATE_NOTE}: ${detail}` };
}

/** The ref of a placeholder of a register created from nothing: `unknown`, never published until someone fills it in. */
export function placeholderRef(at: string): Ref {
  return { source: 'GDPR', at, provenance: 'unknown', note: 'placeholder of a register created from nothing: fill it in by form' };
}

/** A text in the five page languages, in the order en, et, lt, sv, lv. */
export const w5 = (en: string, et: string, lt: string, sv: string, lv: string): Text => ({ en, et, lt, sv, lv });
