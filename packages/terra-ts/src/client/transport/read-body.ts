import { BodyBytes } from './body-bytes.js';
import { ResponseTooLarge } from './transport.js';

/**
 * Reads a fetch `Response` body as UTF-8 text (a BOM dropped, as `Response.text()` does), counting the
 * decoded bytes as they arrive: past `maxBytes` the stream is cancelled, which stops the download and
 * the runtime's decompression, and it rejects with {@link ResponseTooLarge}. Any error of the stream
 * rejects the returned promise; none is thrown anywhere else.
 */
export async function readLimitedText(response: Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (body == null) {
    // No stream to count (a null body, or a stand-in Response without one): its text is all there is.
    const text = typeof response.text === 'function' ? await response.text() : '';
    if (text.length > maxBytes) throw new ResponseTooLarge(maxBytes);
    return text;
  }
  const announced = announcedLength(response);
  if (announced !== undefined && announced > maxBytes) {
    body.cancel().catch(() => {});
    throw new ResponseTooLarge(maxBytes);
  }
  const reader = body.getReader();
  const bytes = new BodyBytes(announced);
  try {
    for (;;) {
      const step = await reader.read();
      if (step.done) break;
      const chunk = step.value as Uint8Array;
      if (bytes.length + chunk.byteLength > maxBytes) {
        bytes.clear();
        throw new ResponseTooLarge(maxBytes);
      }
      bytes.push(chunk);
    }
  } catch (error) {
    bytes.clear();
    reader.cancel().catch(() => {});
    throw error;
  }
  return bytes.text();
}

/**
 * The body's length when it is sent as is (fetch has decoded any other encoding, so the header would
 * count compressed bytes); otherwise undefined, and the bytes are collected without knowing it.
 */
function announcedLength(response: Response): number | undefined {
  const headers = response.headers as Headers | undefined;
  if (typeof headers?.get !== 'function' || headers.get('content-encoding') !== null) return undefined;
  const value = headers.get('content-length');
  if (value === null || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
