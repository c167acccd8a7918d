export * from './dpv-terms';
export type { DpvExportOptions } from './ids';
export { DEFAULT_BASE_IRI, dpvExportIds } from './ids';
export * from './to-json';
export * from './to-json-ld';
