import type { Lang } from '@regula/engine';

/** The groups of a rights request's codes the pack writes in words. */
export type PackWordGroup = 'types' | 'states' | 'channels' | 'events';

/**
 * The words for a request's codes in `lang` (request types, states, channels,
 * timeline event kinds), or undefined when there are none: the dashboard's
 * own words, which its catalogues hold and the API hands to the exports
 * (apps/api exports/pack-words.ts), so the pack says what the dashboard says.
 */
export type PackWords = (group: PackWordGroup, code: string, lang: Lang) => string | undefined;
