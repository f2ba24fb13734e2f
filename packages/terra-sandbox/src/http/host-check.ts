import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { HttpProblem } from './problem.js';

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** True for an address or name that only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const name = bare(host);
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    name === '::ffff:127.0.0.1'
  );
}

function bare(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** The name part of a `Host` header: `example.com:4610` -> `example.com`, `[::1]:4610` -> `::1`. */
export function hostHeaderName(header: string): string {
  const value = header.trim();
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    return bare(close === -1 ? value : value.slice(0, close + 1));
  }
  const colon = value.lastIndexOf(':');
  return bare(colon === -1 ? value : value.slice(0, colon));
}

/**
 * Which `Host` headers the sandbox answers: the loopback names, the address it is bound to (every
 * interface address and the machine's name when bound to 0.0.0.0 or ::), and any extra names it was
 * given. A web page on another name that resolves to the sandbox (DNS rebinding) is refused with 421.
 */
export class HostPolicy {
  private readonly names = new Set<string>();

  constructor(boundHost: string, extra: readonly string[] = []) {
    const bound = bare(boundHost);
    // The bound address itself always works (the URLs the sandbox prints name it, 0.0.0.0 included).
    if (bound !== '') this.names.add(bound);
    if (WILDCARDS.has(bound)) {
      for (const list of Object.values(networkInterfaces())) {
        for (const entry of list ?? []) this.names.add(bare(entry.address));
      }
      this.names.add(bare(hostname()));
    }
    for (const name of extra) this.names.add(hostHeaderName(name));
  }

  /** True when a request with this `Host` header may be served. */
  allows(hostHeader: string | undefined): boolean {
    if (hostHeader === undefined || hostHeader === '') return false;
    const name = hostHeaderName(hostHeader);
    return isLoopbackHost(name) || this.names.has(name);
  }

  /** Throws a 421 problem unless the request's `Host` header is one the sandbox answers to. */
  check(req: IncomingMessage): void {
    const header = req.headers.host;
    if (this.allows(header)) return;
    const shown = header === undefined || header === '' ? '(none)' : JSON.stringify(header.slice(0, 200));
    throw new HttpProblem(
      421,
      `the Host header ${shown} is not a name this sandbox answers to (a guard against DNS rebinding); ` +
        'use a loopback address such as 127.0.0.1 or localhost, the address it is bound to, ' +
        'or start it with --allowed-host <name> (allowedHosts) to add a name',
    );
  }
}
