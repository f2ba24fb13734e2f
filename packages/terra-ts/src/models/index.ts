/**
 * Typed wire models: one interface per Terra schema (snake_case names kept exactly as on the wire) and an
 * `as const` object per enum. Generated into `./generated/` by `scripts/generate-models.ts`; the manifest is
 * left out on purpose so it never reaches the client bundle.
 */
export * from './generated/index.js';
