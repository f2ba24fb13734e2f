const decoder = new TextDecoder();

/** `ArrayBuffer` with ES2024's resizable form, which the ES2022 lib does not declare. */
interface ResizableArrayBuffer extends ArrayBuffer {
  readonly resizable?: boolean;
  resize?(byteLength: number): void;
}

type ResizableArrayBufferConstructor = new (
  byteLength: number,
  options: { maxByteLength: number },
) => ResizableArrayBuffer;

/** Allocates `length` bytes whose contents need not be zeroed (Node's `Buffer.allocUnsafe`). */
export type AllocateBytes = (length: number) => Uint8Array;

/**
 * From this size on a body's buffer is resizable and shrunk to nothing once decoded. Smaller ones come
 * from `allocateUnsafe` when given: the allocator reuses freed memory there, where fresh pages (which a
 * resizable buffer always is) cost several times the copy. Above it (glibc's largest mmap threshold) every
 * allocation is fresh pages anyway, so the release costs nothing extra.
 */
const LARGE_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The bytes of one response body as they arrive, turned into its text once, at the end.
 *
 * Memory is the point (a month of activity with samples runs to tens of MB). With a known length the
 * chunks are copied into one buffer of that size as they come, so each can be collected at once, and
 * there is no second, joined copy; without one they are joined once at the end. A large body's buffer is
 * given back to the system as soon as the text exists, before the caller's `JSON.parse` builds the
 * objects: it is resizable where the runtime can (Node 20+, Deno, Bun, browsers) and shrunk to nothing,
 * which returns its pages at once instead of whenever the garbage collector next runs. A body of a
 * single chunk (most small calls) is decoded where it lies, with no copy at all.
 */
export class BodyBytes {
  #length = 0;
  #first: Uint8Array | undefined;
  #chunks: Uint8Array[] | undefined;
  #buffer: Uint8Array | undefined;
  readonly #expected: number | undefined;
  readonly #allocateUnsafe: AllocateBytes | undefined;

  /**
   * @param expected - the body's length in bytes when the server announced it (an unencoded `content-length`).
   * @param allocateUnsafe - a faster allocator for buffers below {@link LARGE_BODY_BYTES}, where there is one.
   */
  constructor(expected?: number, allocateUnsafe?: AllocateBytes) {
    this.#expected = expected;
    this.#allocateUnsafe = allocateUnsafe;
  }

  /** How many bytes have arrived. */
  get length(): number {
    return this.#length;
  }

  /** Keeps one chunk (a copy of it when a buffer of the announced length is filling). */
  push(chunk: Uint8Array): void {
    const offset = this.#length;
    this.#length += chunk.length;
    if (this.#buffer !== undefined && this.#length <= this.#buffer.length) {
      this.#buffer.set(chunk, offset);
    } else if (this.#buffer !== undefined) {
      // More than announced (a server that lied): keep what is there and collect the rest as chunks.
      this.#chunks = [this.#buffer.subarray(0, offset), chunk];
      this.#buffer = undefined;
    } else if (this.#chunks !== undefined) {
      this.#chunks.push(chunk);
    } else if (this.#first === undefined) {
      this.#first = chunk;
    } else if (this.#expected !== undefined && this.#length <= this.#expected) {
      this.#buffer = this.#allocate(this.#expected);
      this.#buffer.set(this.#first, 0);
      this.#buffer.set(chunk, offset);
      this.#first = undefined;
    } else {
      this.#chunks = [this.#first, chunk];
      this.#first = undefined;
    }
  }

  #allocate(length: number): Uint8Array {
    if (length >= LARGE_BODY_BYTES) return allocateReleasable(length);
    return this.#allocateUnsafe?.(length) ?? new Uint8Array(length);
  }

  /** Lets go of every byte kept (a body refused half way). */
  clear(): void {
    release(this.#buffer);
    this.#buffer = undefined;
    this.#chunks = undefined;
    this.#first = undefined;
  }

  /**
   * The body as UTF-8 text (a byte order mark dropped, as `Response.text()` does); the bytes are let go
   * of before it returns.
   */
  text(): string {
    let bytes = this.#buffer?.subarray(0, this.#length) ?? this.#first;
    if (this.#chunks !== undefined) {
      bytes = this.#allocate(this.#length);
      let offset = 0;
      for (const chunk of this.#chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      this.#chunks = undefined;
      this.#buffer = bytes;
    }
    this.#first = undefined;
    const text = bytes === undefined ? '' : decoder.decode(bytes);
    this.clear();
    return text;
  }
}

/** A large byte buffer whose memory {@link release} can hand back at once where the runtime allows. */
function allocateReleasable(length: number): Uint8Array {
  const Resizable = ArrayBuffer as unknown as ResizableArrayBufferConstructor;
  // A runtime without resizable buffers ignores the option and makes a plain one.
  return new Uint8Array(new Resizable(length, { maxByteLength: length }));
}

function release(bytes: Uint8Array | undefined): void {
  const buffer = bytes?.buffer as ResizableArrayBuffer | undefined;
  // Shrinking a resizable buffer returns its pages to the system now; the view is empty from here on.
  if (buffer?.resizable === true && buffer.byteLength > 0) buffer.resize?.(0);
}
