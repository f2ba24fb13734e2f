import { ResponseTooLarge } from './transport.js';

const decoder = new TextDecoder();

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
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const step = await reader.read();
      if (step.done) break;
      const chunk = step.value as Uint8Array;
      length += chunk.byteLength;
      if (length > maxBytes) {
        chunks.length = 0;
        throw new ResponseTooLarge(maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  return joinedText(chunks, length);
}

/** One copy into a single buffer, then one UTF-8 decode (which drops a BOM, as `res.text()` does). */
export function joinedText(chunks: readonly Uint8Array[], length: number): string {
  if (chunks.length === 0) return '';
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return decoder.decode(all);
}
