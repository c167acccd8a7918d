import { attachedMessage } from './attached-message';
import { MalformedMessageError, readIntakeMessage } from './intake-message-view';

const original = [
  'Received: from mx.controller.test by mailbox.controller.test; Fri, 27 Feb 2026 16:04:05 +0200',
  'Received: from mail.subject.test by mx.controller.test; Fri, 27 Feb 2026 16:03:59 +0200',
  'From: "Pēteris Ozols" <Peteris@Subject.test>',
  'Date: Fri, 27 Feb 2026 16:03:00 +0200',
  'Subject: Access',
  '',
  'Please send me my data.',
  '',
].join('\r\n');

const forward = (disposition: 'inline' | 'attachment') =>
  Buffer.from(
    [
      'From: dpo@controller.test',
      'To: x@intake.regula.localhost',
      'Subject: Fwd: Access',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See below.',
      '--b1',
      'Content-Type: message/rfc822',
      `Content-Disposition: ${disposition}; filename=original.eml`,
      '',
      original,
      '--b1--',
      '',
    ].join('\r\n'),
  );

describe('reading an intake message', () => {
  it.each(['inline', 'attachment'] as const)('finds the original of a forward attached %s, with its Received headers', async (disposition) => {
    const v = await readIntakeMessage(forward(disposition));
    expect(v.from).toEqual({ address: 'dpo@controller.test', name: '' });
    expect(v.forwardSubject).toBe(true);
    expect(v.original?.from).toEqual({ address: 'peteris@subject.test', name: 'Pēteris Ozols' });
    expect(v.original?.received).toHaveLength(2);
    expect(v.original?.received[0]).toContain('16:04:05');
    expect(v.original?.date).toBe('Fri, 27 Feb 2026 16:03:00 +0200');
  });

  it('cuts the attached message out byte for byte', () => {
    expect(attachedMessage(forward('inline'))?.toString('utf8')).toBe(original); // the CRLF before the delimiter belongs to the delimiter (RFC 2046 §5.1.1)
    expect(attachedMessage(Buffer.from('From: a@b.test\r\n\r\nno parts'))).toBeNull();
  });

  it('reads the header block quoted in an inline forward', async () => {
    const v = await readIntakeMessage(Buffer.from('From: desk@controller.test\r\nSubject: VS: hello\r\n\r\n-------- Original --------\r\nFrån: Anna <anna@subject.test>\r\nSkickat: Sun, 1 Mar 2026 18:30:00 +0100\r\n\r\nhej\r\n'));
    expect(v.original?.from?.address).toBe('anna@subject.test');
    expect(v.original?.date).toBe('Sun, 1 Mar 2026 18:30:00 +0100');
  });

  it('lists attachments and leaves a plain message without an original', async () => {
    const v = await readIntakeMessage(Buffer.from('From: Jana <jana@subject.test>\r\nSubject: Access\r\n\r\nPlease.\r\n'));
    expect(v).toMatchObject({ subject: 'Access', original: null, forwardSubject: false, attachments: [] });
  });

  it('refuses a message without a From address', async () => {
    await expect(readIntakeMessage(Buffer.from('Subject: hi\r\n\r\nbody\r\n'))).rejects.toBeInstanceOf(MalformedMessageError);
    await expect(readIntakeMessage(Buffer.from('From: not an address\r\n\r\nbody\r\n'))).rejects.toBeInstanceOf(MalformedMessageError);
  });
});
