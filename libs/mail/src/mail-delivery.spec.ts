import { EmailNotCommittedError, MailDeliveryService } from './mail-delivery.service';
import { OutboxEmailEntity } from './outbox-email.entity';
import { fakeSmtp, FakeSmtp } from './fixtures/fake-smtp.fixture';
import { MailSecretMinters } from './secrets/mail-secret-minters';
import { MailSecrets, REDACTED_SECRET, redactSecrets } from './secrets/mail-secrets';

/** A row as stored (the entity's columns). */
type Row = Omit<OutboxEmailEntity, 'renderForReader'>;

/** TenantDb over an in-memory outbox row store (the raw read returns the stored text, placeholders and all). */
function fakeDb(rows: Map<string, Row>) {
  const em = {
    query: async (_sql: string, [id]: [string]) => (rows.has(id) ? [{ ...rows.get(id)! }] : []),
    update: async (_e: unknown, where: { id: string }, patch: Partial<Row>) => {
      rows.set(where.id, { ...rows.get(where.id)!, ...patch });
    },
  };
  return { forTenant: (_t: string, work: (e: typeof em) => Promise<unknown>) => work(em) };
}

const TENANT = '11111111-1111-1111-1111-111111111111';

function email(id: string, status: OutboxEmailEntity['status']): Row {
  return {
    id, tenantId: TENANT, requestId: null, to: 'anna@subject.test', subject: 'Request R-7KQ2-XM4P: your identity is confirmed',
    text: 'Dear Anna,\n\nThank you.\n', html: '<p>Dear Anna,</p><p>Thank you.</p>', template: 'identity-confirmed', locale: 'en', renderInput: null,
    status, attempts: 0, lastError: null, sentAt: null, secrets: null, createdAt: new Date(),
  };
}

describe('sending outbox e-mails by SMTP (the worker)', () => {
  let smtp: FakeSmtp;
  let rows: Map<string, Row>;
  let service: MailDeliveryService;
  let minters: MailSecretMinters;

  beforeAll(async () => {
    smtp = await fakeSmtp();
  });
  beforeEach(() => {
    rows = new Map();
    minters = new MailSecretMinters();
    service = new MailDeliveryService({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Regula <no-reply@regula.test>' } as never, fakeDb(rows) as never, minters);
    smtp.setFail(false);
  });
  afterEach(() => service.onModuleDestroy());
  afterAll(() => smtp.close());

  it('sends a pending e-mail (text and HTML) and records it as sent; a second run sends nothing', async () => {
    rows.set('e1', email('e1', 'pending'));
    const before = smtp.messages.length;
    expect(await service.deliver(TENANT, 'e1', { finalAttempt: false, mayBeUncommitted: false })).toBe('sent');
    expect(rows.get('e1')).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: expect.any(Date) });
    const msg = smtp.messages[before];
    expect(msg).toMatch(/^From: Regula <no-reply@regula\.test>$/m);
    expect(msg).toMatch(/^To: anna@subject\.test$/m);
    expect(msg).toMatch(/^Subject: Request R-7KQ2-XM4P: your identity is confirmed$/m);
    expect(msg).toMatch(/multipart\/alternative/);
    expect(msg).toContain('text/html');
    expect(msg).toMatch(/^X-Regula-Email-Id: e1$/im);
    expect(await service.deliver(TENANT, 'e1', { finalAttempt: false, mayBeUncommitted: false })).toBe('already-sent');
    expect(smtp.messages.length).toBe(before + 1);
  });

  it('leaves outbox-only e-mails alone', async () => {
    rows.set('e2', email('e2', 'outbox'));
    expect(await service.deliver(TENANT, 'e2', { finalAttempt: false, mayBeUncommitted: false })).toBe('not-pending');
  });

  it('asks for a retry while the row may still be committing, then gives up quietly', async () => {
    await expect(service.deliver(TENANT, 'nope', { finalAttempt: false, mayBeUncommitted: true })).rejects.toBeInstanceOf(EmailNotCommittedError);
    expect(await service.deliver(TENANT, 'nope', { finalAttempt: false, mayBeUncommitted: false })).toBe('missing');
  });

  it('keeps the error and stays pending for the next attempt; the last attempt marks it failed', async () => {
    smtp.setFail(true);
    rows.set('e3', email('e3', 'pending'));
    await expect(service.deliver(TENANT, 'e3', { finalAttempt: false, mayBeUncommitted: false })).rejects.toThrow(/451/);
    expect(rows.get('e3')).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/451/) });
    await expect(service.deliver(TENANT, 'e3', { finalAttempt: true, mayBeUncommitted: false })).rejects.toThrow(/451/);
    expect(rows.get('e3')).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('fills the placeholders with secrets minted at each attempt; the stored text never holds one and reads redacted', async () => {
    const secrets = new MailSecrets();
    const code = secrets.placeholder('test-code');
    const minted: string[] = [];
    minters.register('test-code', async () => {
      minted.push(String(100000 + minted.length));
      return minted[minted.length - 1];
    });
    rows.set('e4', { ...email('e4', 'pending'), subject: `Your code: ${code}`, text: `Code ${code}\nhttps://x.test/v?code=${code}`, html: `<p>${code}</p>`, secrets: secrets.toStored() });
    smtp.setFail(true);
    await expect(service.deliver(TENANT, 'e4', { finalAttempt: false, mayBeUncommitted: false })).rejects.toThrow(/451/);
    smtp.setFail(false);
    const before = smtp.messages.length;
    expect(await service.deliver(TENANT, 'e4', { finalAttempt: false, mayBeUncommitted: false })).toBe('sent');
    // Two attempts, two secrets: the one that left is the second.
    expect(minted).toEqual(['100000', '100001']);
    const msg = smtp.messages[before];
    expect(msg).toMatch(/^Subject: Your code: 100001$/m);
    expect(msg).toContain('code=100001');
    expect(msg).not.toContain('regula-secret-');
    expect(rows.get('e4')!.text).not.toMatch(/10000[01]/);
    expect(redactSecrets(rows.get('e4')!.subject)).toBe(`Your code: ${REDACTED_SECRET}`);
  });

  it('does not send a placeholder: a secret nobody can mint fails the attempt', async () => {
    const secrets = new MailSecrets();
    rows.set('e5', { ...email('e5', 'pending'), text: `Code ${secrets.placeholder('unknown-kind')}`, secrets: secrets.toStored() });
    const before = smtp.messages.length;
    await expect(service.deliver(TENANT, 'e5', { finalAttempt: true, mayBeUncommitted: false })).rejects.toThrow(/no minter for mail secret unknown-kind/);
    expect(rows.get('e5')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(smtp.messages.length).toBe(before);
  });
});
