import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditChainJobs } from './audit-chain-jobs.service';
import { AuditKeys } from './audit-keys';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AuditVerifier } from './audit-verifier.service';

const PROVIDERS = [AuditKeys, AuditCheckpoints, AuditService, AuditVerifier, AuditChainJobs];

@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class AuditModule {}
