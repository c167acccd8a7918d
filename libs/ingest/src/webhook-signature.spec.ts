import { createHmac } from 'node:crypto';
import { signatureHeader, signatureOf, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"d-1","event":"record.erased","tenant":"inomedis","occurredAt":"2026-01-01T00:00:00.000Z","data":{}}';

  it('is HMAC-SHA256 of "<t>.<body>" in hex, sent as t=...,v1=...', () => {
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signatureOf(secret, 1767225600, body)).toBe(expected);
    expect(signatureHeader(secret, body, 1767225600)).toBe(`t=1767225600,v1=${expected}`);
  });

  it('verifies a fresh signature over the exact body, with the right secret only', () => {
    const header = signatureHeader(secret, body, 1000);
    expect(verifySignature({ header, body, secret, nowSeconds: 1000 })).toBe(true);
    expect(verifySignature({ header, body: Buffer.from(body), secret, nowSeconds: 1100 })).toBe(true);
    expect(verifySignature({ header, body: body.replace('erased', 'rectified'), secret, nowSeconds: 1000 })).toBe(false);
    expect(verifySignature({ header, body, secret: 'whsec_other', nowSeconds: 1000 })).toBe(false);
  });

  it('refuses an old (replayed) or future timestamp, and malformed headers', () => {
    const header = signatureHeader(secret, body, 1000);
    expect(verifySignature({ header, body, secret, nowSeconds: 1301 })).toBe(false);
    expect(verifySignature({ header, body, secret, nowSeconds: 699 })).toBe(false);
    expect(verifySignature({ header, body, secret, nowSeconds: 1301, toleranceSeconds: 600 })).toBe(true);
    // Moving the timestamp breaks the signature.
    expect(verifySignature({ header: header.replace('t=1000', 't=1300'), body, secret, nowSeconds: 1300 })).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', 't=1000', 't=x,v1=00', `t=1000,v1=${'z'.repeat(64)}`]) {
      expect(verifySignature({ header: bad, body, secret, nowSeconds: 1000 })).toBe(false);
    }
  });

  it('accepts any of several v1 values (secret rotation)', () => {
    const good = signatureOf(secret, 1000, body);
    expect(verifySignature({ header: `t=1000,v1=${'0'.repeat(64)},v1=${good}`, body, secret, nowSeconds: 1000 })).toBe(true);
  });
});
