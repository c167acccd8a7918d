import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditChainJobs } from './audit-chain-jobs.service';

@Global()
@Module({ providers: [AuditService, AuditChainJobs], exports: [AuditService, AuditChainJobs] })
export class AuditModule {}
