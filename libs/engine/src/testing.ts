/**
 * Test fixtures of this lib: its second door, `@regula/engine/testing`, which
 * only specs and `test/` may open (the lint's one-door rule); production code
 * never imports it.
 */
export { seed000AsPublished } from './linter/fixtures/seed-000.fixture';
export { seed004 } from './linter/fixtures/seed-004.fixture';
export { validController } from './linter/fixtures/valid-controller.fixture';
export { SOFTERA_STATED_IN_TEST, confirmedForTest } from './provenance/confirm-all.fixture';
