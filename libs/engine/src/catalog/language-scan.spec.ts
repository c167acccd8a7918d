import { codeVocabulary, englishVocabulary, scanText, schemaCodes, wordsOf } from './language-scan';

describe('language scan', () => {
  const english = englishVocabulary(['Your request {reference} was received on {{date receivedAt}}.', '<p>Legal obligation: no</p>', 'write to info@example.com or https://example.com/privacy', 'Ā-word ārā']);

  it('builds the English vocabulary from catalogue texts: words of two letters or more, no placeholders, tags, addresses or non-ASCII words', () => {
    expect([...english].sort()).toEqual(['legal', 'no', 'obligation', 'on', 'or', 'received', 'request', 'to', 'was', 'word', 'write', 'your']);
    expect(wordsOf('Pārzinis: SIA “Inomedis”, 2026')).toEqual(['Pārzinis', 'SIA', 'Inomedis']);
  });

  it('finds English words in another language, except the allowed ones and the names', () => {
    const text = 'Jūsu request ir saņemts. Pārzinis: Legal Obligation Ltd, no 2026. gada.';
    const found = scanText(text, { english, allow: ['no'], names: ['Legal Obligation Ltd'] });
    expect(found.map((f) => f.match)).toEqual(['request']);
    expect(found[0]).toMatchObject({ kind: 'english', context: expect.stringContaining('Jūsu request ir saņemts') });
    expect(scanText(text, { english }).map((f) => f.match)).toEqual(['request', 'Legal', 'Obligation', 'no']);
  });

  it('finds the schema codes: Art. 6/9 codes outside a citation, ISO durations, hyphenated codes, right codes and "unknown"', () => {
    const text = 'Pamats: 6(1)(b); glabā P5Y un P1Y6M; DPIA: not-required; strictly-necessary; A21-2; valsts: unknown.';
    expect(scanText(text, { english: new Set() }).map((f) => f.match).sort()).toEqual(['6(1)(b)', 'A21-2', 'P1Y6M', 'P5Y', 'not-required', 'strictly-necessary', 'unknown'].sort());
  });

  it('leaves citations, words that only contain a code, postal codes, e-mail addresses and URLs alone', () => {
    const text = 'VDAR 6. panta 1. punkta b) apakšpunkts; Art. 6(1)(b); artikel 9(2)(h); LV-1050 Rīga; A15x; pre-not-required; dpo@unknown-example.lv https://example.com/P5Y/not-required';
    expect(scanText(text, { english: new Set() })).toEqual([]);
    const english2 = new Set(['ee', 'the', 'example', 'www', 'lv', 'v']);
    expect(scanText('KMKR number EE101798101; registri versioon v1; www.example.ee; LV-1050 Rīga; the', { english: english2 }).map((f) => f.match)).toEqual(['the']);
  });

  it('lists the engine\'s codes and their English words', () => {
    const codes = schemaCodes();
    for (const c of ['not-required', 'strictly-necessary', 'in-progress', 'contract-ended', 'A15', 'A21-2', 'unknown', 'recipients-in-period']) expect(codes).toContain(c);
    expect(codes).not.toContain('EE');
    expect(codes).not.toContain('processor');
    expect(codeVocabulary()).toEqual(expect.arrayContaining(['processor', 'independent controller', 'not required']));
  });
});
