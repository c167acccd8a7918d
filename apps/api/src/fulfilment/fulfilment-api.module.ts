import { Module } from '@nestjs/common';
import { FulfilmentModule } from '@regula/requests';
import { DownloadRateLimitGuard } from './download-rate-limit.guard';
import { FulfilmentController } from './fulfilment.controller';

/** The admin's fulfilment actions and package downloads (the subject's downloads: public/package-download.controller.ts). */
@Module({
  imports: [FulfilmentModule],
  controllers: [FulfilmentController],
  providers: [DownloadRateLimitGuard],
})
export class FulfilmentApiModule {}
