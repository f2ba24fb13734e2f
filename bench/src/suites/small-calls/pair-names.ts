/** terra-ts's row in the small-calls pair run (a child process holding only it and the loop). */
export const PAIR_TERRA_TS = 'terra-ts listProviders()';
/** The bare loop's row in the same child process. */
export const PAIR_LOOP = 'node:http keep-alive agent (the floor)';
