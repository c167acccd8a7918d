import type { ControllerDefinition } from '@regula/engine';
import { contentHash, sha256Hex } from '@regula/platform';
import type { PolicyContent } from './policy-version.entity';

/** Drops `ref` keys: references are for auditors, not words the data subject reads. */
function withoutRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'ref').map(([k, v]) => [k, withoutRefs(v)]));
  }
  return value;
}

/**
 * Per `<register>/<purpose>`: a hash of what the notice says about the purpose
 * (its name, description, legal bases and the data categories used for it, in
 * every language). A consent is informed of exactly this (GDPR Art. 4(11),
 * Art. 7(2)); when the hash changes, consents given before must be renewed.
 */
export function purposeHashes(def: ControllerDefinition): Record<string, string> {
  const out: Record<string, string> = {};
  for (const reg of def.registers) {
    for (const p of reg.purposes) {
      out[`${reg.id}/${p.id}`] = contentHash(withoutRefs({ name: p.name, description: p.description, legalBases: p.legalBases, categories: p.categories }));
    }
  }
  return out;
}

/** The purposes present in both versions whose text changed (new purposes need a new consent anyway). */
export function changedPurposes(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((k) => k in before && before[k] !== after[k]).sort();
}

/** SHA-256 over every language's HTML, in language order: what a reader can check a copy against. */
export function policyContentHash(content: Record<string, PolicyContent>): string {
  return sha256Hex(
    Object.keys(content)
      .sort()
      .map((lang) => `${lang}\n${content[lang].html}`)
      .join('\n\u0000\n'),
  );
}
