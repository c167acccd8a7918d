import { EmailNotCommittedError, MailDeliveryService } from './mail-delivery.service';
import { OutboxEmailEntity } from './outbox-email.entity';
import { fakeSmtp, FakeSmtp } from './fixtures/fake-smtp.fixture';

/** TenantDb over an in-memory outbox row store. */
function fakeDb(rows: Map<string, OutboxEmailEntity>) {
  const em = {
    findOne: async (_e: unknown, opts: { where: { id: string } }) => (rows.has(opts.where.id) ? { ...rows.get(opts.where.id)! } : null),
    update: async (_e: unknown, where: { id: string }, patch: Partial<OutboxEmailEntity>) => {
      rows.set(where.id, { ...rows.get(where.id)!, ...patch });
    },
  };
  return { forTenant: (_t: string, work: (e: typeof em) => Promise<unknown>) => work(em) };
}

const TENANT = '11111111-1111-1111-1111-111111111111';

function email(id: string, status: OutboxEmailEntity['status']): OutboxEmailEntity {
  return {
    id, tenantId: TENANT, requestId: null, to: 'anna@subject.test', subject: 'Request R-7KQ2-XM4P: your identity is confirmed',
    text: 'Dear Anna,\n\nThank you.\n', html: '<p>Dear Anna,</p><p>Thank you.</p>', template: 'identity-confirmed', locale: 'en',
    status, attempts: 0, lastError: null, sentAt: null, createdAt: new Date(),
  };
}

describe('sending outbox e-mails by SMTP (the worker)', () => {
  let smtp: FakeSmtp;
  let rows: Map<string, OutboxEmailEntity>;
  let service: MailDeliveryService;

  beforeAll(async () => {
    smtp = await fakeSmtp();
  });
  beforeEach(() => {
    rows = new Map();
    service = new MailDeliveryService({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Regula <no-reply@regula.test>' } as never, fakeDb(rows) as never);
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
});
