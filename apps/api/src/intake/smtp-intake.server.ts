import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, ApiConfig } from '@regula/platform';
import { MailIntakeService, MalformedMessageError } from '@regula/requests';
import { malformed, notStored, oneTenant, tooLarge, unknownRecipient } from './smtp-replies';

/** The tenant each session's accepted recipient named (one per message: a request belongs to one controller). */
type IntakeSession = SMTPServerSession & { intakeTenant?: { id: string; slug: string; address: string } };

/**
 * The SMTP receiver of the e-mail intake (INTAKE_SMTP_PORT; 0: not started). It runs
 * in the API process: it is an entry point like HTTP, needs the same services (the
 * tenant-scoped database as `regula_app`, the journal, the SLA scheduler that reacts
 * to the request it files) and so starts and stops with them, with no third process
 * to supervise. What a message becomes is decided by `MailIntakeService`
 * (libs/requests); this class only speaks SMTP:
 * - RCPT to anything but `<tenant slug>@INTAKE_DOMAIN` → 550 (no relay);
 * - over INTAKE_MAX_BYTES → 552 (announced in EHLO as SIZE, checked again on DATA);
 * - no From address, unparsable → 554;
 * - `250` only after the message is committed (and its request filed, or left for
 *   the sweep when filing failed).
 */
@Injectable()
export class SmtpIntakeServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('smtp-intake');
  private server: SMTPServer | null = null;
  private boundPort: number | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: ApiConfig, private readonly intake: MailIntakeService) {}

  /** The port it listens on (null when not started). */
  get port(): number | null {
    return this.boundPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.INTAKE_SMTP_PORT) return;
    const max = this.config.INTAKE_MAX_BYTES;
    const domain = this.config.INTAKE_DOMAIN;
    const server = new SMTPServer({
      // Loopback by default: no TLS and no login; what it accepts is limited by the recipients, not by who sends.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      size: max,
      banner: 'Regula e-mail intake',
      logger: false,
      closeTimeout: 2000,
      // A new message on the same connection may go to another tenant.
      onMailFrom: (_address, session: IntakeSession, callback) => {
        session.intakeTenant = undefined;
        callback();
      },
      onRcptTo: (address, session: IntakeSession, callback) => {
        this.intake.tenantFor(address.address, domain).then(
          (tenant) => {
            if (!tenant) return callback(unknownRecipient(address.address));
            if (session.intakeTenant && session.intakeTenant.id !== tenant.id) return callback(oneTenant());
            session.intakeTenant = { ...tenant, address: address.address };
            callback();
          },
          (e: unknown) => {
            this.log.error(`recipient lookup failed: ${e instanceof Error ? e.message : String(e)}`);
            callback(notStored());
          },
        );
      },
      onData: (stream: SMTPServerDataStream, session: IntakeSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', (e: Error) => callback(e));
        stream.on('end', () => {
          if (stream.sizeExceeded) return callback(tooLarge(max));
          const tenant = session.intakeTenant;
          if (!tenant) return callback(unknownRecipient('(none)'));
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          this.intake.accept(tenant.id, { from, to: tenant.address }, Buffer.concat(chunks)).then(
            (r) => callback(null, `message accepted as ${r.messageId}${r.requestId ? '' : ' (request to follow)'}`),
            (e: unknown) => {
              if (e instanceof MalformedMessageError) return callback(malformed(e.message));
              this.log.error(`intake message for ${tenant.slug} not stored: ${e instanceof Error ? e.message : String(e)}`);
              callback(notStored());
            },
          );
        });
      },
    });
    server.on('error', (e) => this.log.error(`SMTP: ${e.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.config.INTAKE_SMTP_PORT, this.config.INTAKE_SMTP_HOST, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.log.log(`e-mail intake on smtp://${this.config.INTAKE_SMTP_HOST}:${this.boundPort} for <tenant>@${domain}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
