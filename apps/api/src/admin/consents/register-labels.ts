import type { Lang, Register, Text } from '@regula/engine';
import type { RegisterView } from '@regula/registers';

/** A localised text in the page language, English when the register lacks it. */
export function textIn(text: Text | string | undefined, lang: Lang): string {
  if (!text) return '';
  return typeof text === 'string' ? text : text[lang] ?? text.en;
}

/**
 * The names the registers give their keys and ids (register, data category,
 * purpose, recipient) in the page language; an id the current registers no
 * longer have is shown as it is stored.
 */
export class RegisterLabels {
  readonly registers: Register[];

  constructor(views: RegisterView[], private readonly lang: Lang) {
    this.registers = views.map((v) => v.definition as unknown as Register);
  }

  register(key: string): string {
    return textIn(this.find(key)?.name, this.lang) || key;
  }

  category(key: string, id: string): string {
    return textIn(this.find(key)?.dataCategories?.find((c) => c.id === id)?.name, this.lang) || id;
  }

  purpose(key: string, id: string): string {
    return textIn(this.find(key)?.purposes?.find((p) => p.id === id)?.name, this.lang) || id;
  }

  find(key: string): Register | undefined {
    return this.registers.find((r) => r.id === key);
  }
}
