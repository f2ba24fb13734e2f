import { TerraError } from '../../errors/terra-error.js';
import { runtimeCryptoModule } from './runtime-crypto.js';

/**
 * HMAC-SHA256 under one signing secret, over `prefix` followed by `body`, without joining them first. A
 * runtime's native module signs synchronously (no promise to wait for on the hot path); WebCrypto cannot.
 */
export interface HmacSha256 {
  sign(prefix: string, body: string | Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** Which implementation computes the HMAC: `auto` prefers the runtime's native module when it has one. */
export type HmacEngine = 'auto' | 'webcrypto';

// Structural view of the few `node:crypto` members used, so src/ needs no Node types or imports.
interface NativeHmac {
  update(data: string | Uint8Array): NativeHmac;
  digest(): Uint8Array;
}
interface NativeCrypto {
  createHmac(algorithm: 'sha256', key: unknown): NativeHmac;
  createSecretKey(key: Uint8Array): unknown;
}

const encoder = new TextEncoder();
let nativeCrypto: NativeCrypto | null | undefined;

// Node >= 20.16, Bun and Deno expose their crypto module through `process.getBuiltinModule`, found at
// run time so the SDK stays import-free. Its synchronous HMAC is several times faster than WebCrypto's
// async sign on small deliveries; everywhere else (workerd, browsers, older Node) WebCrypto is used.
function findNativeCrypto(): NativeCrypto | null {
  if (nativeCrypto !== undefined) return nativeCrypto;
  const candidate = runtimeCryptoModule() as Partial<NativeCrypto> | undefined;
  nativeCrypto =
    typeof candidate?.createHmac === 'function' && typeof candidate.createSecretKey === 'function'
      ? (candidate as NativeCrypto)
      : null;
  return nativeCrypto;
}

class NativeHmacSha256 implements HmacSha256 {
  readonly #native: NativeCrypto;
  readonly #key: unknown;

  constructor(native: NativeCrypto, secret: string) {
    this.#native = native;
    this.#key = native.createSecretKey(encoder.encode(secret));
  }

  sign(prefix: string, body: string | Uint8Array): Uint8Array {
    return this.#native.createHmac('sha256', this.#key).update(prefix).update(body).digest();
  }
}

function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) {
    throw new TerraError(
      'WebCrypto (globalThis.crypto.subtle) is not available in this runtime, so webhook signatures cannot be checked. Use Node 20 or later (or run Node 18 with --experimental-global-webcrypto), Bun, Deno or a Workers runtime.',
    );
  }
  return subtle;
}

// WebCrypto signs one buffer, so prefix and body are encoded straight into a single allocation.
function joinForSigning(prefix: string, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof body !== 'string') {
    const joined = new Uint8Array(prefix.length + body.length);
    encoder.encodeInto(prefix, joined);
    joined.set(body, prefix.length);
    return joined;
  }
  const joined = new Uint8Array(prefix.length + body.length * 3);
  const head = encoder.encodeInto(prefix, joined).written;
  const tail = encoder.encodeInto(body, joined.subarray(head)).written;
  return joined.subarray(0, head + tail);
}

class WebCryptoHmacSha256 implements HmacSha256 {
  readonly #secret: string;
  #key: Promise<CryptoKey> | undefined;

  constructor(secret: string) {
    this.#secret = secret;
  }

  async sign(prefix: string, body: string | Uint8Array): Promise<Uint8Array> {
    const subtle = subtleCrypto();
    this.#key ??= subtle.importKey(
      'raw',
      encoder.encode(this.#secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const signature = await subtle.sign('HMAC', await this.#key, joinForSigning(prefix, body));
    return new Uint8Array(signature);
  }
}

/**
 * Creates an HMAC-SHA256 signer for one secret; the key is imported once and reused for every delivery.
 * The prefix must be ASCII (it is `${t}.`), which `joinForSigning` relies on.
 */
export function createHmacSha256(secret: string, engine: HmacEngine = 'auto'): HmacSha256 {
  const native = engine === 'auto' ? findNativeCrypto() : null;
  return native ? new NativeHmacSha256(native, secret) : new WebCryptoHmacSha256(secret);
}
