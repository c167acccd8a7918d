import net from 'node:net';
import { EmailNotCommittedError, MailDeliveryService } from './mail-delivery.service';
import { OutboxEmailEntity } from './outbox-email.entity';

/** A minimal SMTP server on loopback: records what it receives, or refuses with 451. */
async function fakeSmtp(): Promise<{ port: number; messages: string[]; setFail(f: boolean): void; close(): Promise<void> }> {
  const messages: string[] = [];
  let fail = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.setEncoding('utf8');
    let inData = false;
    let buf = '';
    let data = '';
    sock.write('220 fake ESMTP\r\n');
    sock.on('data', (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(data);
            data = '';
            sock.write('250 OK queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250-fake\r\n250 8BITMIME\r\n');
        else if (cmd === 'MAIL') sock.write(fail ? '451 4.3.0 try again later\r\n' : '250 OK\r\n');
        else if (cmd === 'RCPT') sock.write('250 OK\r\n');
        else if (cmd === 'DATA') {
          inData = true;
          sock.write('354 go ahead\r\n');
        } else if (cmd === 'QUIT') {
          sock.write('221 bye\r\n');
          sock.end();
        } else sock.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    messages,
    setFail: (f) => (fail = f),
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

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
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
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
