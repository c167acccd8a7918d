import { ControllerDefinition, PolicyProblem, buildPolicyModel, policyProblems, publishedLanguages } from '@regula/engine';
import { contentHash } from '@regula/platform';
import { PolicyRenderer } from '../policy-renderer';
import { policyContentHash, purposeHashes } from './policy-hashes';
import type { PolicyContent } from './policy-version.entity';

/** What a draft holds: every language rendered, why it may not be published, and its hashes. */
export interface PolicyDraftContent {
  languages: string[];
  content: Record<string, PolicyContent>;
  contentHash: string;
  definitionHash: string;
  purposeHashes: Record<string, string>;
  problems: PolicyProblem[];
}

/**
 * Renders a controller definition into a draft: every language it publishes
 * in (a language without templates is a problem, not a crash), plus the
 * problems that block publishing. A draft with problems is still rendered, so
 * the preview shows the admin what would be wrong. Pure apart from reading templates.
 */
export function draftContent(def: ControllerDefinition, renderer: PolicyRenderer): PolicyDraftContent {
  const languages = publishedLanguages(def);
  const problems: PolicyProblem[] = [...policyProblems(def)];
  const content: Record<string, PolicyContent> = {};
  for (const lang of languages) {
    if (!renderer.hasLanguage(lang)) {
      problems.push({ code: 'missing-language-section', lang, message: `no policy templates for language ${lang}` });
      continue;
    }
    content[lang] = renderer.render(buildPolicyModel(def, lang));
  }
  return {
    languages,
    content,
    contentHash: policyContentHash(content),
    definitionHash: contentHash(def),
    purposeHashes: purposeHashes(def),
    problems,
  };
}
