import { passwordProblem } from './password-rules';
import { backoffSeconds, noticeDue } from './sign-in-backoff';

describe('password rules', () => {
  const ctx = { email: 'maria.tamm@inomedis.ee', displayName: 'Maria Tamm', tenantNames: ['Inomedis OÜ', 'inomedis'], currentPassword: 'Xq7-one-time-pass' };

  it('refuses trivial patterns: one character, a repeated group, sequences', () => {
    for (const p of ['aaaaaaaaaaaa', 'abababababab', 'abcabcabcabc', 'abcdefghijklm', '123456789012', '0987654321098', 'qwertyuiopqw', '1qaz2wsx3edc', 'dragondragon', 'aaaaaaaaaaab']) {
      expect({ p, problem: passwordProblem(p) }).toEqual({ p, problem: expect.stringMatching(/trivial|common/) });
    }
  });

  it('refuses common and breached passwords, also with digits or symbols added or in l33t', () => {
    for (const p of ['password1234', 'Password123!', 'qwerty123456', 'iloveyou2024', 'P4ssw0rd2024', 'football!!!!']) {
      expect({ p, problem: passwordProblem(p) }).toEqual({ p, problem: 'common' });
    }
  });

  it("refuses the account's own data: e-mail, its local part, name, organisation, current (one-time) password", () => {
    expect(passwordProblem('maria.tamm@inomedis.ee', ctx)).toBe('personal');
    expect(passwordProblem('maria.tamm1985', ctx)).toBe('personal');
    expect(passwordProblem('Maria Tamm 1985!', ctx)).toBe('personal');
    expect(passwordProblem('Inomedis OÜ 2025', ctx)).toBe('personal');
    expect(passwordProblem('Xq7-one-time-pass', ctx)).toBe('same-as-current');
    expect(passwordProblem('Xq7-one-time-pass!', ctx)).toBe('personal');
  });

  it('accepts passphrases, also ones that mention a context word among enough else', () => {
    for (const p of ['correct horse battery staple', 'a much longer new passphrase', 'my own passphrase now', 'tulips on the quiet harbour', 'inomedis tulips on the quiet harbour']) {
      expect({ p, problem: passwordProblem(p, ctx) }).toEqual({ p, problem: null });
    }
  });

  it('checks length', () => {
    expect(passwordProblem('short one')).toBe('too-short');
    expect(passwordProblem('x'.repeat(100) + 'y'.repeat(101))).toBe('too-long');
  });
});

describe('sign-in backoff schedule', () => {
  const p = { free: 5, baseSeconds: 30, maxSeconds: 900 };
  it('waits nothing for the free attempts, then doubles up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 11, 50].map((f) => backoffSeconds(f, p))).toEqual([0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });
  it('mails when the backoff starts and each time the failures double', () => {
    expect(Array.from({ length: 80 }, (_, i) => i + 1).filter((f) => noticeDue(f, 5))).toEqual([5, 10, 20, 40, 80]);
  });
});
