export * from './provenance';
export * from './facts';
export * from './confirmations';
