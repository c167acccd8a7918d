/**
 * The instant a service takes as "now". Production uses the system clock; a test
 * provides its own under `CLOCK`, so that nothing it checks depends on the day the
 * suite happens to run.
 */
export type Clock = () => Date;

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = () => new Date();
