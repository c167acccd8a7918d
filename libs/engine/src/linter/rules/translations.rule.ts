import { ControllerDefinition } from '../../schema/controller';
import { finding } from '../codes';
import { Finding } from '../finding';
import { missingLanguages, publishedLanguages } from '../inspect';
import { LintRule } from '../rule';
import { eachText } from '../walk';

function check(def: ControllerDefinition): Finding[] {
  // English is always rendered (schema/text.ts); the rest are the controller's languages.
  const languages = publishedLanguages(def);
  const out: Finding[] = [];
  eachText(def, (text, path) => {
    for (const lang of missingLanguages(text, languages)) {
      out.push(finding('missing-translation', `${path}.${lang}`, `${path} has no ${lang} text${text.en ? ` (en: "${text.en.slice(0, 60)}")` : ''}: the controller publishes in ${languages.join(', ')}; add the translation (Art. 12(1)).`));
    }
  });
  return out;
}

/** Every text exists in every language the controller publishes in. */
export const translationsRule: LintRule = { name: 'translations', codes: ['missing-translation'], check };
