/**
 * Test fixtures of this lib: its second door, `@regula/mail/testing`, which
 * only specs and `test/` may open (the lint's one-door rule); production code
 * never imports it.
 */
export { fakeSmtp } from './fixtures/fake-smtp.fixture';
export type { FakeSmtp } from './fixtures/fake-smtp.fixture';
