/**
 * Test fixtures of this lib: its second door, `@regula/requests/testing`, which
 * only specs and `test/` may open (the lint's one-door rule); production code
 * never imports it.
 */
export { asice, exe, pdf } from './fixtures/evidence.fixture';
/** The module that draws request references, for a test that makes a draw collide (jest.spyOn on its newReference). */
export * as referenceDraws from './request-secrets';
export { tenantFactsOf } from './fixtures/tenant-facts.fixture';
