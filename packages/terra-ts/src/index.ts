export * from './errors/index.js';
export * from './models/index.js';
