import { ControllerDefinition, Lang, buildPolicyModel, publishedLanguages } from '@regula/engine';
import { TENANTS } from '@regula/tenants';
import { PolicyRenderer } from '../policy-renderer';
import { PolicyDiff, SectionDiff, diffPolicies } from './policy-diff';
import { PolicyDiffLabels, renderPolicyDiffHtml } from './policy-diff.view';

const renderer = new PolicyRenderer();
const softera = TENANTS.find((t) => t.slug === 'softera-baltic')!;
const LABELS: PolicyDiffLabels = { unchanged: 'Unchanged', added: 'added', removed: 'removed', noDifferences: 'The two versions do not differ.' };

const OLD_DESCRIPTION = 'Monitoring arrears, sending reminders, recovering debts out of court and through the courts.';
const NEW_DESCRIPTION = 'Monitoring arrears, sending friendly reminders by e-mail, recovering debts out of court.';

function render(def: ControllerDefinition, lang: Lang = 'en'): string {
  return renderer.render(buildPolicyModel(def, lang)).html;
}

/** A copy of Softera's definition, changed by `edit`. */
function edited(edit: (def: ControllerDefinition) => void): ControllerDefinition {
  const copy = structuredClone(softera);
  edit(copy);
  return copy;
}

function register(def: ControllerDefinition, id: string) {
  const found = def.registers.find((r) => r.id === id);
  if (!found) throw new Error(`no register ${id}`);
  return found;
}

function purpose(def: ControllerDefinition, englishName: string) {
  const found = def.registers.flatMap((r) => r.purposes).find((p) => p.name.en === englishName);
  if (!found) throw new Error(`no purpose ${englishName}`);
  return found;
}

/** Three edits of a register version: a purpose reworded, a recipient gone, a cookie added. */
const next = edited((def) => {
  purpose(def, 'Debt management and recovery').description.en = NEW_DESCRIPTION;
  const debt = register(def, 'debt-recovery');
  if (debt.recipients === 'none') throw new Error('debt-recovery lists recipients');
  debt.recipients = debt.recipients.filter((r) => r.id !== 'debt-administrators');
  const cookies = register(def, 'cookies');
  if (!cookies.cookies || cookies.cookies === 'none') throw new Error('cookies lists cookies');
  cookies.cookies.push({ ...cookies.cookies[0], name: '_test_visits', purpose: { en: 'Counts visits to the booking page.' } });
});

function section(diff: PolicyDiff, id: string): SectionDiff {
  const found = diff.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function changedWords(s: SectionDiff, kind: 'added' | 'removed'): string {
  return s.blocks.flatMap((b) => (b.kind === 'changed' ? b.parts.filter((p) => p.kind === kind).map((p) => p.text) : [])).join(' ');
}

describe('diffPolicies on real renders', () => {
  const diff = diffPolicies(render(softera), render(next));

  it('shows the reworded purpose as one changed block, new words added and old words removed', () => {
    const purposes = section(diff, 'purposes-and-bases');
    expect(purposes.status).toBe('changed');
    expect(purposes.blocks.filter((b) => b.kind === 'changed')).toHaveLength(1);
    expect(purposes.blocks.filter((b) => b.kind === 'added' || b.kind === 'removed')).toHaveLength(0);
    expect(changedWords(purposes, 'added')).toMatch(/friendly/);
    expect(changedWords(purposes, 'added')).toMatch(/by e-mail/);
    expect(changedWords(purposes, 'removed')).toMatch(/and through the courts/);
    expect(changedWords(purposes, 'removed')).not.toMatch(/friendly/);
  });

  it('shows the removed recipient and the added cookie as whole blocks', () => {
    const recipients = section(diff, 'recipients');
    expect(recipients.status).toBe('changed');
    expect(recipients.blocks.filter((b) => b.kind !== 'same')).toEqual([
      { kind: 'removed', text: expect.stringMatching(/^Debt collection companies and debtor-database administrators \(independent controller\): Entities/) },
    ]);
    const cookies = section(diff, 'cookies');
    expect(cookies.status).toBe('changed');
    expect(cookies.blocks.filter((b) => b.kind !== 'same')).toEqual([
      { kind: 'added', text: expect.stringMatching(/^_test_visits \| Google Analytics \| Counts visits to the booking page\. \| Statistics \| 1 minute$/) },
    ]);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('leaves every other section unchanged, in the notice order, intro first', () => {
    expect(diff.sections.map((s) => s.id)).toEqual([
      'intro', 'controller', 'dpo', 'data-and-subjects', 'purposes-and-bases', 'sources', 'recipients', 'transfers',
      'retention', 'rights', 'cookies', 'security', 'children', 'automated-decisions', 'changes',
    ]);
    const changed = diff.sections.filter((s) => s.status !== 'unchanged').map((s) => s.id);
    expect(changed).toEqual(['purposes-and-bases', 'recipients', 'cookies']);
    expect(section(diff, 'intro').heading).toBe('Privacy Notice');
    expect(section(diff, 'recipients').heading).toBe('6. Who receives your data');
    expect(diff.lang).toBe('en');
  });

  it('finds no difference between identical renders, in every language Softera publishes', () => {
    const langs = publishedLanguages(softera).filter((lang) => renderer.hasLanguage(lang));
    expect(langs.length).toBeGreaterThan(1);
    for (const lang of langs) {
      const html = render(softera, lang);
      const same = diffPolicies(html, html);
      expect(same.counts).toEqual({ added: 0, removed: 0, changed: 0 });
      expect(same.sections.every((s) => s.status === 'unchanged')).toBe(true);
      expect(renderPolicyDiffHtml(same, LABELS)).toContain('<p class="policy-diff-none">The two versions do not differ.</p>');
    }
  });

  it('decodes entities and joins table cells into readable text', () => {
    const sources = section(diff, 'sources').blocks.map((b) => (b.kind === 'changed' ? '' : b.text));
    expect(sources).toContain('The Company’s contract and client records (register "Clients and service provision").');
    const header = section(diff, 'cookies').blocks[1];
    expect(header).toEqual({ kind: 'same', text: 'Name | Provider | Purpose | Category | Expiry' });
  });
});

describe('renderPolicyDiffHtml', () => {
  const html = renderPolicyDiffHtml(diffPolicies(render(softera), render(next)), LABELS);

  it('marks words with ins/del and hidden labels screen readers announce', () => {
    expect(html).toMatch(/<ins><span class="visually-hidden">added: <\/span>[^<]*friendly/);
    expect(html).toMatch(/<del><span class="visually-hidden">removed: <\/span>[^<]*through the courts/);
    expect(html).toContain('<p class="policy-diff-block policy-diff-removed"><del><span class="visually-hidden">removed: </span>Debt collection companies');
    expect(html).toContain('<p class="policy-diff-block policy-diff-added"><ins><span class="visually-hidden">added: </span>_test_visits | Google Analytics');
  });

  it('gives each changed section its heading and collapses unchanged ones into one line per run', () => {
    expect(html.match(/<section /g)).toHaveLength(3);
    expect(html).toContain('<h2>4. Why we process your data and on what legal basis</h2>');
    expect(html).toContain('<p class="policy-diff-unchanged">Unchanged: Privacy Notice; 1. Who we are; 2. Data protection officer; 3. Whose data we process and which data</p>');
    expect(html).toContain('<p class="policy-diff-unchanged">Unchanged: 5. Where the data comes from</p>');
    // Kept blocks far from a change are left out: the purposes list is not shown whole.
    expect(html).not.toContain('Concluding and performing the contract');
  });

  it('uses no inline style or script', () => {
    expect(html).not.toMatch(/style=|<script|on[a-z]+=/i);
  });

  it('escapes every text: a <script> in a register text comes out as text', () => {
    const hostile = edited((def) => {
      purpose(def, 'Debt management and recovery').description.en = `${OLD_DESCRIPTION} <script>alert("x")</script> & more`;
    });
    const labels = { ...LABELS, added: '<b>added</b>' };
    const diff = diffPolicies(render(softera), render(hostile));
    expect(changedWords(section(diff, 'purposes-and-bases'), 'added')).toContain('<script>alert("x")</script> & more');
    const out = renderPolicyDiffHtml(diff, labels);
    expect(out).not.toMatch(/<script|<b>/);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(out).toContain('<span class="visually-hidden">&lt;b&gt;added&lt;/b&gt;: </span>');
  });
});

describe('diffPolicies on section structure', () => {
  const page = (...sections: string[]) =>
    `<article class="privacy-notice" lang="en">\n<h1>Notice</h1>\n<p>Intro.</p>\n${sections.join('\n')}\n</article>\n`;
  const sec = (id: string, heading: string, body: string) => `<section id="${id}"><h2>${heading}</h2>\n${body}\n</section>`;

  it('keeps a removed section where it was and puts an added one in the new order', () => {
    const diff = diffPolicies(
      page(sec('a', '1. A', '<p>a</p>'), sec('b', '2. B', '<p>b</p>'), sec('c', '3. C', '<p>c</p>')),
      page(sec('a', '1. A', '<p>a</p>'), sec('c', '2. C', '<p>c</p>'), sec('d', '3. D', '<ul><li>d1</li><li>d2</li></ul>')),
    );
    expect(diff.sections.map((s) => [s.id, s.status])).toEqual([
      ['intro', 'unchanged'], ['a', 'unchanged'], ['b', 'removed'], ['c', 'unchanged'], ['d', 'added'],
    ]);
    expect(diff.counts).toEqual({ added: 2, removed: 1, changed: 0 });
    const out = renderPolicyDiffHtml(diff, LABELS);
    expect(out).toContain('<h2><del><span class="visually-hidden">removed: </span>2. B</del></h2>');
    expect(out).toContain('<h2><ins><span class="visually-hidden">added: </span>3. D</ins></h2>');
  });

  it('counts a reworded heading as a change but not a renumbered one', () => {
    const diff = diffPolicies(page(sec('a', '1. Old name', '<p>a</p>'), sec('b', '2. B', '<p>b</p>')), page(sec('a', '1. New name', '<p>a</p>'), sec('b', '3. B', '<p>b</p>')));
    expect(section(diff, 'a').status).toBe('changed');
    expect(section(diff, 'a').headingParts).toEqual([{ kind: 'same', text: '1. ' }, { kind: 'removed', text: 'Old' }, { kind: 'added', text: 'New' }, { kind: 'same', text: ' name' }]);
    expect(section(diff, 'b').status).toBe('unchanged');
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    const out = renderPolicyDiffHtml(diff, LABELS);
    expect(out).toContain('<h2>1. <del><span class="visually-hidden">removed: </span>Old</del><ins><span class="visually-hidden">added: </span>New</ins> name</h2>\n</section>');
    expect(out).toContain('<p class="policy-diff-unchanged">Unchanged: 3. B</p>');
  });

  it('shows an unrelated replacement as one removed and one added block, not a word soup', () => {
    const diff = diffPolicies(page(sec('a', '1. A', '<p>Keep.</p><p>We sell nothing to anyone.</p>')), page(sec('a', '1. A', '<p>Keep.</p><p>Cookies expire after two years.</p>')));
    expect(section(diff, 'a').blocks.map((b) => b.kind)).toEqual(['same', 'removed', 'added']);
  });
});
