/** Payloads longer than this (after pretty-printing) are cut on the dashboard; large requests send megabytes. */
export const PAYLOAD_PREVIEW_LIMIT = 20_000;

/** A delivery payload prepared for display. */
export interface PayloadPreview {
  /** Pretty-printed JSON (or the raw text when it is not JSON), at most `limit` characters. */
  text: string;
  truncated: boolean;
  /** Size of the payload as delivered, in UTF-8 bytes. */
  bytes: number;
}

/** Pretty-prints a delivered JSON body for the dashboard, cutting it at `limit` characters. */
export function previewPayload(payload: string, limit: number = PAYLOAD_PREVIEW_LIMIT): PayloadPreview {
  const bytes = Buffer.byteLength(payload, 'utf8');
  let text = payload;
  // Pretty-printing a multi-megabyte body only to cut it would waste the time; show it raw instead.
  if (payload.length <= limit * 4) {
    try {
      text = JSON.stringify(JSON.parse(payload), null, 2);
    } catch {
      text = payload;
    }
  }
  if (text.length <= limit) return { text, truncated: false, bytes };
  return { text: text.slice(0, limit), truncated: true, bytes };
}

/** `1.2 KB`, `3.4 MB`: a size for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
