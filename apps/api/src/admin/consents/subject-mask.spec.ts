import { maskEmail, subjectLabel } from './subject-mask';

describe('masked subject identifiers (dashboard lists)', () => {
  it('keeps the first character and the domain only', () => {
    expect(maskEmail('anna.berzina@example.lv')).toBe('a***@example.lv');
    expect(maskEmail('x@y.z')).toBe('x***@y.z');
    expect(maskEmail('broken')).toBe('***');
  });
  it('falls back to the start of the subject id', () => {
    expect(subjectLabel(null, '0c7a2d4e-1111-2222-3333-444455556666')).toBe('#0c7a2d4e');
    expect(subjectLabel('mari.tamm@example.ee', 'x')).toBe('m***@example.ee');
  });
});
