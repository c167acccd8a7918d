import { lintController } from '../linter/lint-controller';
import { listFacts, unpublishableFacts } from '../provenance/facts';
import { publishedLanguages } from '../linter/inspect';
import { ControllerDefinition } from '../schema/controller';
import { Lang } from '../schema/text';
import { POLICY_SECTIONS, PolicyModel, buildPolicyModel } from './policy-model';

export type PolicyProblemCode = 'lint-error' | 'empty-section' | 'missing-language-section' | 'unconfirmed-fact';

export interface PolicyProblem {
  code: PolicyProblemCode;
  section?: string;
  lang?: Lang;
  /** The fact a problem is about (`unconfirmed-fact`), or the linter finding's path (`lint-error`). */
  path?: string;
  /** The linter finding's code (`lint-error`): pages say it in words with `findingWords`. */
  finding?: string;
  message: string;
}

/**
 * Why a controller's notice may not be published: linter errors, a section
 * that would come out empty in a published language, or a section that one
 * language has and another lacks (its texts missing in that language).
 * A section stated as 'none' (no transfers) is not empty. Every sentence must
 * rest on a stated, corrected or law fact: each assumed or unknown fact a
 * section shows is a problem of its own, named, until a person confirms it. Pure.
 */
export function policyProblems(def: ControllerDefinition): PolicyProblem[] {
  const problems: PolicyProblem[] = lintController(def)
    .filter((f) => f.severity === 'error')
    .map((f) => ({ code: 'lint-error' as const, path: f.path, finding: f.code, message: `${f.code} at ${f.path}: ${f.message}` }));

  for (const f of unpublishableFacts(listFacts(def))) {
    const name = f.label?.en ? ` ("${f.label.en}")` : '';
    const why = f.provenance.decidedBy?.note ? `: ${f.provenance.decidedBy.note}` : '';
    problems.push({
      code: 'unconfirmed-fact',
      section: f.sections[0],
      path: f.path,
      message: `${f.path}${name} is ${f.provenance.class}${why}; a person must confirm it (kept or replaced) before a policy states it`,
    });
  }

  const langs = publishedLanguages(def);
  const models: PolicyModel[] = langs.map((lang) => buildPolicyModel(def, lang));
  for (const id of POLICY_SECTIONS) {
    const emptyIn = models.filter((m) => m.sections[id].empty).map((m) => m.lang);
    for (const lang of emptyIn) {
      problems.push({ code: 'empty-section', section: id, lang, message: `section "${id}" would be empty in ${lang}: the registers state nothing for it` });
    }
    if (emptyIn.length === langs.length) continue;
    for (const m of models) {
      if (m.sections[id].empty) continue;
      if (m.sections[id].usesFallback) {
        problems.push({
          code: 'missing-language-section',
          section: id,
          lang: m.lang,
          message: `section "${id}" has texts missing in ${m.lang} (English would stand in) while other languages have them`,
        });
      }
    }
  }
  return problems;
}

/** True when nothing prevents publishing the notice. */
export function canPublish(def: ControllerDefinition): boolean {
  return policyProblems(def).length === 0;
}
