// A self-contained sign + verify + parse check that needs only the SDK and web-standard globals, so it
// runs unchanged on Node, Bun, Deno and workerd against either src/ (through Vitest) or the built dist/.
// `sdk` is the `terra-ts` module, `testing` the `terra-ts/testing` module. Throws on the first failure.

const SECRET = 'whsec_portable_self_test';
const T = 1723808700;
const BODY = '{"type":"sleep","user":{"user_id":"u-1","provider":"OURA"},"data":[],"version":"2022-03-16"}';
// HMAC-SHA256(SECRET, `${T}.${BODY}`), computed once with node:crypto.
const GOLDEN = '92793770d30a11a8e1508616a757fd12d7ac42f6564f0c57ae9a8214e6b839b4';

function check(condition, what) {
  if (!condition) throw new Error(`webhook self-test failed: ${what}`);
}

async function reasonOf(promise, sdk) {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    check(error instanceof sdk.WebhookVerificationError, `expected WebhookVerificationError, got ${error}`);
    return error.reason;
  }
}

export async function runWebhookSelfTest({ sdk, testing }) {
  const results = [];
  const nowMs = T * 1000;

  for (const hmacEngine of ['auto', 'webcrypto']) {
    const verifier = new sdk.SignatureVerifier({ secret: SECRET, hmacEngine });
    const golden = `t=${T},v1=${GOLDEN}`;
    check(
      (await reasonOf(verifier.verify(BODY, golden, nowMs), sdk)) === 'accepted',
      `${hmacEngine}: golden vector`,
    );
    const bytes = new TextEncoder().encode(BODY);
    check(
      (await reasonOf(verifier.verify(bytes, golden, nowMs), sdk)) === 'accepted',
      `${hmacEngine}: bytes`,
    );
    const tampered = BODY.replace('u-1', 'u-2');
    check(
      (await reasonOf(verifier.verify(tampered, golden, nowMs), sdk)) === 'signature_mismatch',
      `${hmacEngine}: tampered body`,
    );
    check(
      (await reasonOf(verifier.verify(BODY, golden, nowMs + 301_000), sdk)) === 'timestamp_too_old',
      `${hmacEngine}: tolerance`,
    );
    results.push(`${hmacEngine}: ok`);
  }

  const header = await testing.generateTestSignatureHeader({ payload: BODY, secret: SECRET, timestamp: T });
  check(header === `t=${T},v1=${GOLDEN}`, 'generateTestSignatureHeader matches the golden vector');

  const webhooks = new sdk.TerraWebhooks({ secret: SECRET });
  const payload = JSON.stringify(testing.examplePayloads.auth);
  const signature = await testing.generateTestSignatureHeader({ payload, secret: SECRET });
  const delivery = await webhooks.handleWebhook(payload, signature);
  const event = delivery.getParsedResponse();
  check(event instanceof sdk.AuthHookResponse && event.type === 'auth', 'parses an auth event');
  check(event.reference_id === 'your-user-123', 'auth reference_id');
  check(delivery.getJson().user === event.user.json, 'keeps the wire user by reference');
  check(
    !(await webhooks.checkTerraSignature(`${payload} `, signature)),
    'checkTerraSignature rejects a changed body',
  );

  const handler = sdk.createFetchWebhookHandler(webhooks, { auth: () => {} });
  const ok = await handler(
    new Request('https://example.test/', {
      method: 'POST',
      body: payload,
      headers: { 'terra-signature': signature },
    }),
  );
  check(ok.status === 200, `fetch handler answers 200, got ${ok.status}`);
  const bad = await handler(
    new Request('https://example.test/', {
      method: 'POST',
      body: payload,
      headers: { 'terra-signature': `t=${T}` },
    }),
  );
  check(bad.status === 400, `fetch handler answers 400 to a header without v1, got ${bad.status}`);

  results.push('parse + fetch handler: ok');
  return results;
}
