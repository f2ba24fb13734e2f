// `terra-ts/testing`: helpers for testing your own webhook endpoints without Terra.
export { type ExamplePayloads, examplePayloads, legacyExamplePayloads } from './example-payloads.js';
export {
  generateTestSignatureHeader,
  signTestWebhook,
  type TestSignatureOptions,
} from './generate-test-signature-header.js';
