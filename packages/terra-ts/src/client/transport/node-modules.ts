// The few shapes of node:http, node:https and node:zlib the Node transport uses, declared here so that
// terra-ts's types never depend on @types/node and its code never imports a Node module.

/** A readable stream of body bytes. */
export interface ByteStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  pipe<T extends ByteStream>(destination: T): T;
  destroy(error?: Error): this;
}

/** `http.IncomingMessage`, the parts read. */
export interface IncomingResponse extends ByteStream {
  readonly statusCode?: number;
  readonly rawHeaders: string[];
  readonly headers: Record<string, string | string[] | undefined>;
  readonly complete: boolean;
  on(event: 'aborted', listener: () => void): this;
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

/** `http.ClientRequest`, the parts used. */
export interface OutgoingRequest {
  readonly reusedSocket: boolean;
  on(event: 'response', listener: (res: IncomingResponse) => void): this;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): this;
  end(body?: Uint8Array): this;
  destroy(error?: Error): this;
}

/** The options of `http.request` that terra-ts sets. */
export interface RequestOptions {
  protocol: string;
  hostname: string;
  port: string;
  path: string;
  method: string;
  headers: Record<string, string | number>;
  agent: unknown;
}

/** `node:http` or `node:https`. */
export interface HttpModule {
  request(options: RequestOptions): OutgoingRequest;
  Agent: new (options: { keepAlive: boolean; timeout: number; scheduling: 'lifo' | 'fifo' }) => unknown;
}

/** `node:zlib`, the decoders of the encodings terra-ts asks for. */
export interface ZlibModule {
  createGunzip(): ByteStream;
  createInflate(): ByteStream;
  createBrotliDecompress(): ByteStream;
}

/** `node:buffer`, the one allocator the transport uses. */
export interface BufferModule {
  readonly Buffer: { allocUnsafe(size: number): Uint8Array };
}

/** The Node built-ins the transport needs. */
export interface NodeModules {
  readonly http: HttpModule;
  readonly https: HttpModule;
  readonly zlib: ZlibModule;
  readonly buffer: BufferModule;
}

interface NodeLikeGlobal {
  process?: {
    versions?: { node?: unknown };
    getBuiltinModule?: (id: string) => unknown;
  };
  navigator?: { userAgent?: unknown };
  Bun?: unknown;
  Deno?: unknown;
}

/**
 * Node's built-ins when this is Node itself (20.16+ or 22.3+, which have `process.getBuiltinModule`), else
 * undefined. Bun, Deno and Workers with Node compatibility also emulate `process`, but their `node:http` is
 * built on their own `fetch`, so they keep `fetch`.
 */
export function loadNodeModules(): NodeModules | undefined {
  const g = globalThis as NodeLikeGlobal;
  const getBuiltinModule = g.process?.getBuiltinModule;
  if (typeof getBuiltinModule !== 'function' || typeof g.process?.versions?.node !== 'string')
    return undefined;
  if (g.Bun !== undefined || g.Deno !== undefined) return undefined;
  const userAgent = g.navigator?.userAgent;
  // Node 21+ has a navigator whose userAgent starts with "Node.js/"; Node 20 has none.
  if (userAgent !== undefined && !(typeof userAgent === 'string' && userAgent.startsWith('Node.js/')))
    return undefined;
  const http = getBuiltinModule('node:http') as HttpModule | undefined;
  const https = getBuiltinModule('node:https') as HttpModule | undefined;
  const zlib = getBuiltinModule('node:zlib') as ZlibModule | undefined;
  const buffer = getBuiltinModule('node:buffer') as BufferModule | undefined;
  return http && https && zlib && buffer ? { http, https, zlib, buffer } : undefined;
}
