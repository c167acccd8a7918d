import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageBuildView } from '@regula/requests';
import { packageBuildSection } from './fulfilment-preview.view';

const catalog = (lang: string) => JSON.parse(readFileSync(path.join(__dirname, '..', 'i18n', `${lang}.json`), 'utf8'));
/** The page's translator over a catalogue: `{name}` placeholders filled in. */
const translator = (lang: string) => {
  const c = catalog(lang);
  return (key: string, vars: Record<string, unknown> = {}) =>
    String(key.split('.').reduce((n, k) => n?.[k], c) ?? key).replace(/\{(\w+)\}/g, (_, v) => String(vars[v]));
};

describe('the access package on the preview page: progress, and a failure in the page language', () => {
  const build = (over: Partial<PackageBuildView>): PackageBuildView => ({
    id: 'b1', previewId: 'p1', status: 'building', recordsWritten: 2000, recordsTotal: 3000, error: null,
    startedAt: new Date('2026-11-22T10:00:00Z'), finishedAt: null, ...over,
  });

  it('shows the progress while it is built, and nothing for another preview\'s build', () => {
    expect(packageBuildSection(build({}), 'p1', translator('lv'))).toEqual({ status: 'building', building: true, text: 'Paketi sagatavo fona process. Ierakstīti ieraksti: 2000 no 3000.' });
    expect(packageBuildSection(build({}), 'p2', translator('lv'))).toBeNull();
  });

  it('never puts the worker\'s English error text into the page: a closed request and any other failure are said in Latvian', () => {
    const closed = packageBuildSection(
      build({ status: 'failed', error: 'the request is refused: only a request in progress (or extended) is fulfilled' }), 'p1', translator('lv'),
    )!;
    expect(closed.text).toBe('Kamēr pakete tika sagatavota, pieprasījums tika slēgts citādi: nekas netika nodots, un atkārtota apstiprināšana nelīdzēs.');
    const other = packageBuildSection(build({ status: 'failed', error: 'Connection terminated unexpectedly' }), 'p1', translator('lv'))!;
    expect(other.text).toBe('Paketi neizdevās sagatavot. Lai mēģinātu vēlreiz, apstipriniet priekšskatījumu vēlreiz; iemesls ir fona procesa žurnālā.');
    for (const text of [closed.text, other.text]) expect(text).not.toMatch(/request|only|Connection|terminated/);
  });
});
