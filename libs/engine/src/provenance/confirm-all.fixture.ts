import { ControllerDefinition } from '../schema/controller';
import { applyConfirmations } from './confirmations';
import { listFacts } from './facts';

/**
 * For tests: the definition as it reads once a person confirmed every assumed
 * fact (published or not) and stated every unknown one (`stated` gives the values, by path; an
 * unknown fact without one keeps its placeholder, confirmed).
 */
export function confirmedForTest(def: ControllerDefinition, stated: Record<string, unknown> = {}): ControllerDefinition {
  // every fact, published or not (a register's location and DPIA reach only the Art. 30 record)
  const waiting = listFacts(def).filter((f) => f.provenance.class === 'assumed' || f.provenance.class === 'unknown');
  const confirmations = waiting.map((f) => ({
    path: f.path,
    valueHash: f.valueHash,
    ...(f.path in stated ? { replacement: stated[f.path] } : {}),
    confirmedBy: 'test',
    confirmedAt: '2026-12-01T10:00:00.000Z',
    note: 'confirmed for the test',
  }));
  return applyConfirmations(def, confirmations);
}

/** Test values for the facts Softera Baltic's notice leaves blank (not the company's). */
export const SOFTERA_STATED_IN_TEST: Record<string, unknown> = {
  legalAddress: { street: 'Testo g. 1', city: 'Vilnius', postalCode: 'LT-01100', country: 'LT' },
  'contact.email': 'privacy@softera.test',
  'registers[clients].recipients[local-partners]': {
    id: 'local-partners',
    kind: 'controller',
    name: { lt: 'UAB „Testo partneris“, IT diegimo partneris Vilniuje', en: 'UAB Testo partneris, IT implementation partner in Vilnius' },
    description: {
      lt: 'IT diegimo partneris, kuriam perduodami kliento kontaktiniai duomenys, kad jis galėtų įdiegti užsakytą programinę įrangą kliento vietoje.',
      en: 'An IT implementation partner to whom the client\'s contact details are disclosed so that it can install the ordered software at the client\'s site.',
    },
    country: 'LT',
  },
};
