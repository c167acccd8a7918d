import { Module } from '@nestjs/common';
import { BreachesModule } from '@regula/breaches';
import { ExportsModule } from '@regula/exports';
import { BreachesController } from './breaches.controller';
import { BreachRegisterExport } from './export/breach-register-export.service';

/** the breach register API (GDPR Art. 33/34), and the register as XLSX or PDF (the dashboard provides it too, as the requests list's export). */
@Module({ imports: [BreachesModule, ExportsModule], controllers: [BreachesController], providers: [BreachRegisterExport] })
export class BreachesApiModule {}
