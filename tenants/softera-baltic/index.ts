import { defineController } from '@regula/engine';
import {
  LEGAL_NAME, REGISTRY_CODE, SLUG, branding, children, contact, documents, fieldRefs, jurisdiction, legalAddress,
  noticeClaims, policyChanges, registryName, requests, rights, service,
} from './controller';
import { accountingRegister } from './registers/accounting.register';
import { clientsRegister } from './registers/clients.register';
import { cookiesRegister } from './registers/cookies.register';
import { customerServiceRegister } from './registers/customer-service.register';
import { dataSubjectRequestsRegister } from './registers/data-subject-requests.register';
import { debtRecoveryRegister } from './registers/debt-recovery.register';
import { directMarketingRegister } from './registers/direct-marketing.register';
import { surveysNewslettersRegister } from './registers/surveys-newsletters.register';
import { websiteRegister } from './registers/website.register';

/** Softera Baltic, UAB (Lithuania), modelled from its English privacy policy. */
export const definition = defineController({
  slug: SLUG,
  legalName: LEGAL_NAME,
  registryCode: REGISTRY_CODE,
  registryName,
  legalAddress,
  fieldRefs,
  contact,
  dpo: 'none',
  groupCompanies: [],
  jurisdiction,
  branding,
  service,
  documents,
  registers: [
    clientsRegister,
    directMarketingRegister,
    accountingRegister,
    debtRecoveryRegister,
    websiteRegister,
    customerServiceRegister,
    surveysNewslettersRegister,
    cookiesRegister,
    dataSubjectRequestsRegister,
  ],
  rights,
  requests,
  children,
  policyChanges,
  notice: noticeClaims,
});
