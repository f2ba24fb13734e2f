export { TerraError } from './terra-error.js';
