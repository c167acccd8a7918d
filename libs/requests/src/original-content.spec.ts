import { detectOriginal, looksLikeEml } from './original-content';

const EML = 'Received: from mx.example.org by mail.controller.test; Mon, 1 Dec 2026 09:00:00 +0000\r\nFrom: Mari Maasikas <mari@example.org>\r\nTo: privacy@controller.test\r\nSubject: Access\r\n\tto my data\r\nDate: Mon, 1 Dec 2026 09:00:00 +0000\r\n\r\nPlease send me my data.\r\n';

describe('the original of a recorded request', () => {
  it('accepts a saved e-mail by its header block', async () => {
    expect(looksLikeEml(Buffer.from(EML))).toBe(true);
    expect(await detectOriginal(Buffer.from(EML))).toEqual({ allowed: { mime: 'message/rfc822', ext: 'eml', label: 'e-mail message (.eml)' } });
  });

  it('refuses text that is not a message, a message without From and a program', async () => {
    expect(looksLikeEml(Buffer.from('hello world\n\nbody'))).toBe(false);
    expect(looksLikeEml(Buffer.from('Subject: x\nTo: y@z.test\n\nbody'))).toBe(false);
    expect(looksLikeEml(Buffer.from('From: a@b.test\nnot a header\n\nbody'))).toBe(false);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0), Buffer.from('PE\0\0')]);
    expect('rejected' in (await detectOriginal(exe))).toBe(true);
  });

  it('accepts a PDF scan', async () => {
    expect(await detectOriginal(Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'))).toEqual({ allowed: expect.objectContaining({ mime: 'application/pdf' }) });
  });
});
