import { runtimeCryptoModule } from '../verification/runtime-crypto.js';

// Structural view of `node:crypto`'s createHash, so src/ needs no Node types or imports.
interface NativeHashing {
  createHash(algorithm: 'sha256'): { update(data: string | Uint8Array): { digest(encoding: 'hex'): string } };
}

let native: NativeHashing | null | undefined;

// A synchronous hash where the runtime has a crypto module (runtimeCryptoModule); WebCrypto's
// `crypto.subtle.digest` everywhere else.
function nativeHashing(): NativeHashing | null {
  if (native !== undefined) return native;
  const found = runtimeCryptoModule();
  native =
    typeof (found as Partial<NativeHashing> | undefined)?.createHash === 'function'
      ? (found as NativeHashing)
      : null;
  return native;
}

const encoder = new TextEncoder();

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * The SHA-256 of a signed body computed on first call and kept, where the runtime hashes synchronously;
 * `undefined` where only WebCrypto's asynchronous digest exists (then use {@link signedBodySha256}). A
 * receiver that never de-duplicates never pays for hashing the body (0.45 ms per MB).
 */
export function lazySignedBodySha256(body: string | Uint8Array): (() => string) | undefined {
  const hashing = nativeHashing();
  if (!hashing) return undefined;
  let digest: string | undefined;
  return () => {
    digest ??= hashing.createHash('sha256').update(body).digest('hex');
    return digest;
  };
}

/**
 * The SHA-256 of a delivery's signed body, in hex: what identifies a delivery across Terra's retries (each
 * re-signed, same body) and what a replay cannot relabel (unlike the unsigned `X-Terra-Trace-Id`). A string
 * body is hashed as its UTF-8 bytes, so text and bytes of one body agree.
 */
export async function signedBodySha256(body: string | Uint8Array): Promise<string> {
  const hashing = nativeHashing();
  if (hashing) return hashing.createHash('sha256').update(body).digest('hex');
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}
