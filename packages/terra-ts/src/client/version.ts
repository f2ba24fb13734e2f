/** The version of terra-ts, sent in the `user-agent` header. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
