export * from './country-entry';
export * from './catalogue';
export * from './country-names';
