import { Module } from '@nestjs/common';
import { FulfilmentModule } from '@regula/requests';
import { DownloadRateLimitGuard } from './download-rate-limit.guard';
import { FulfilmentController } from './fulfilment.controller';
import { PublicArtifactsController } from './public-artifacts.controller';

/** The admin's fulfilment actions and package downloads, and the subject's download from the status page. */
@Module({
  imports: [FulfilmentModule],
  controllers: [FulfilmentController, PublicArtifactsController],
  providers: [DownloadRateLimitGuard],
})
export class FulfilmentApiModule {}
