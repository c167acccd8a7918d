import { Module } from '@nestjs/common';
import { RequestsModule } from '@regula/requests';
import { SlaModule } from '@regula/sla';
import { OutboxController } from './outbox.controller';
import { RequestsController } from './requests.controller';
import { RequestDeskController } from './request-desk.controller';
import { RequestChannelController } from './request-channel.controller';
import { RequestListExportService } from './export/request-list-export.service';
import { RequestHistoryController } from './history/request-history.controller';
import { RequestHistoryImports } from './history/request-history-imports.service';

/** the compliance admin's requests API (its list exported as CSV and XLSX too) and the e-mail outbox; SlaModule schedules the SLA reminders of requests filed and changed here. */
@Module({ imports: [RequestsModule, SlaModule], controllers: [RequestsController, RequestDeskController, RequestChannelController, OutboxController, RequestHistoryController], providers: [RequestListExportService, RequestHistoryImports], exports: [RequestListExportService, RequestHistoryImports] })
export class RequestsApiModule {}
