/**
 * Test fixtures of this lib: its second door, `@regula/requests/testing`, which
 * only specs and `test/` may open (the lint's one-door rule); production code
 * never imports it.
 */
export { asice, exe, pdf } from './fixtures/evidence.fixture';
