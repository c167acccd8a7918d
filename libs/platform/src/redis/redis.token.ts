/** Injection token of the process's shared ioredis client. */
export const REDIS = Symbol('REDIS');
