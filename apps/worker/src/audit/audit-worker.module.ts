import { Module } from '@nestjs/common';
import { AuditHeadsMail, MailModule } from '@regula/mail';
import { AuditChainProcessor } from './audit-chain.processor';

/** Processors of the audit queue: chains verified, heads published and e-mailed to the platform admins. */
@Module({ imports: [MailModule], providers: [AuditChainProcessor, AuditHeadsMail] })
export class AuditWorkerModule {}
