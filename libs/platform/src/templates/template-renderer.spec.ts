import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TemplateRenderer } from './template-renderer';

// The dashboard keeps each page's templates and partials in the page's own folder:
// the renderer must find partials outside the roots' `partials/`, under their prefix.
describe('TemplateRenderer partial folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tpl-'));
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    };
    write('shared/partials/layout.hbs', '<main>{{> @partial-block}}</main>');
    write('pages/partials/row.hbs', '<li>{{name}}</li>');
    write('pages/one.hbs', '{{> pages/row}}');
    write('pages/list.hbs', '{{#> layout}}{{#each items}}{{> pages/row}}{{/each}}{{/layout}}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names a folder\'s partials with its prefix and renders views by their path under the root', () => {
    const r = new TemplateRenderer([dir], {}, [
      { dir: path.join(dir, 'shared', 'partials'), prefix: '' },
      { dir: path.join(dir, 'pages', 'partials'), prefix: 'pages/' },
    ]);
    expect(r.render('pages/list', { items: [{ name: 'a' }, { name: '<b>' }] })).toBe('<main><li>a</li><li>&lt;b&gt;</li></main>');
  });

  it('knows no partial folder it was not given', () => {
    const r = new TemplateRenderer([dir]);
    expect(() => r.render('pages/one', { name: 'a' })).toThrow(/pages\/row/);
  });
});
