import { defineController } from '@regula/engine';
import { controller } from './controller';
import { archiveRegister } from './registers/archive.register';
import { clientsRegister } from './registers/clients.register';
import { marketingRegister } from './registers/marketing.register';
import { partnerDataRegister } from './registers/partner-data.register';
import { statisticsRegister } from './registers/statistics.register';
import { videoSurveillanceRegister } from './registers/video-surveillance.register';
import { websiteRegister } from './registers/website.register';

/** SIA "Inomedis Aesthetic Group" (Latvia), from its privacy policy, clauses 1-44. */
export const definition = defineController({
  ...controller,
  registers: [
    clientsRegister,
    marketingRegister,
    statisticsRegister,
    archiveRegister,
    videoSurveillanceRegister,
    websiteRegister,
    partnerDataRegister,
  ],
});
