import { badRequest } from './problem.js';

/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

function boundaryOf(contentType: string | undefined): string {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!contentType?.toLowerCase().startsWith('multipart/form-data') || !boundary) {
    throw badRequest('send the file as multipart/form-data with a boundary (a form field named "file")');
  }
  return boundary.trim();
}

function parseHeaders(block: string): { name?: string; filename?: string; contentType?: string } {
  const out: { name?: string; filename?: string; contentType?: string } = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') {
      const name = /\bname="([^"]*)"/i.exec(value)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
      if (name !== undefined) out.name = name;
      if (filename !== undefined) out.filename = filename;
    } else if (key === 'content-type') {
      out.contentType = value;
    }
  }
  return out;
}

/** Splits a multipart/form-data body into its parts (no copies of part data: they are views). */
export function parseMultipart(body: Buffer, contentType: string | undefined): FormPart[] {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw badRequest('multipart body does not contain its boundary');
  while (true) {
    pos += delimiter.length;
    if (body[pos] === 45 && body[pos + 1] === 45) break; // `--` closes the body
    pos += 2; // CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd === -1) throw badRequest('malformed multipart part: headers never end');
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(delimiter, dataStart);
    if (next === -1) throw badRequest('malformed multipart body: missing closing boundary');
    parts.push({
      name: headers.name ?? '',
      filename: headers.filename,
      contentType: headers.contentType,
      data: body.subarray(dataStart, next - 2),
    });
    pos = next;
  }
  return parts;
}
