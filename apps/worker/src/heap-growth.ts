import { setFlagsFromString } from 'node:v8';

/**
 * How far the worker's old generation may grow over what the last full
 * collection kept before V8 collects it again, in percent (issue 16 §5).
 *
 * V8 lets it grow by a factor it picks between 1.1 and 4. A job that streams
 * still moves some young garbage into the old generation at every young
 * collection (an access package of 100,000 records: about 1.3 MB each time,
 * whatever the batch size), so the worker went from 160 MB to about 300 MB
 * before V8 collected, and kept the pages. At 30 % it stays near 200 MB for the
 * same CPU time (`npm run bench -- access-package`, README "Performance").
 */
export const HEAP_GROWING_PERCENT = 30;

// V8 reads the flag at every full collection, so setting it once the process runs takes effect
// (a V8 without it says so on stderr and goes on). Imported first by main.ts.
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
