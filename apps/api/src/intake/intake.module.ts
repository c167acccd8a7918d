import { Module } from '@nestjs/common';
import { RequestsModule } from '@regula/requests';
import { SlaModule } from '@regula/sla';
import { IntakeSweep } from './intake-sweep.service';
import { SmtpIntakeServer } from './smtp-intake.server';

/** The e-mail intake's SMTP receiver and its sweep; SlaModule schedules the SLA jobs of the requests it files. */
@Module({ imports: [RequestsModule, SlaModule], providers: [SmtpIntakeServer, IntakeSweep], exports: [SmtpIntakeServer] })
export class IntakeModule {}
