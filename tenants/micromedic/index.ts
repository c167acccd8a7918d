import { ControllerDefinition, defineController } from '@regula/engine';
import { controller } from './controller';
import { accounting } from './registers/accounting.register';
import { eventContacts } from './registers/event-contacts.register';
import { groupSharing } from './registers/group-sharing.register';
import { marketing } from './registers/marketing.register';
import { personalisation } from './registers/personalisation.register';
import { serviceAdministration } from './registers/service-administration.register';
import { serviceDevelopment } from './registers/service-development.register';
import { websiteEnquiries } from './registers/website-enquiries.register';

/** Micromedic AB (Sweden), modelled from its personuppgiftspolicy. */
export const definition: ControllerDefinition = defineController({
  ...controller,
  registers: [
    serviceAdministration,
    serviceDevelopment,
    marketing,
    personalisation,
    accounting,
    groupSharing,
    eventContacts,
    websiteEnquiries,
  ],
});
