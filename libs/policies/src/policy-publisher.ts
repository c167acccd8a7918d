import { ControllerDefinition, Lang, PolicyProblem, buildPolicyModel, policyProblems, publishedLanguages } from '@regula/engine';
import { PolicyRenderer } from './policy-renderer';

export interface PublishedPolicy {
  lang: Lang;
  html: string;
  text: string;
}

export type PublishResult = { ok: true; policies: PublishedPolicy[] } | { ok: false; problems: PolicyProblem[] };

/**
 * Renders a controller's notice in every language it publishes in, or refuses:
 * while the linter reports an error, a section would come out empty, a
 * language lacks a section the others have, or a language has no templates.
 */
export function renderForPublishing(def: ControllerDefinition, renderer: PolicyRenderer = new PolicyRenderer()): PublishResult {
  const langs = publishedLanguages(def);
  const problems: PolicyProblem[] = [
    ...policyProblems(def),
    ...langs
      .filter((lang) => !renderer.hasLanguage(lang))
      .map((lang): PolicyProblem => ({ code: 'missing-language-section', lang, message: `no policy templates for language ${lang}` })),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policies: langs.map((lang) => ({ lang, ...renderer.render(buildPolicyModel(def, lang)) })) };
}
