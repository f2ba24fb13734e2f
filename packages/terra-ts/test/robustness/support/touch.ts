import { TerraError } from 'terra-ts';

/**
 * Reads every own property and every getter of a parsed object (and of the objects they return, a few
 * levels down), the way application code would. Throws if any read throws something other than a
 * `TerraError`. Methods are not called: some of them send requests.
 */
export function touchEverything(value: unknown, depth = 3, seen = new Set<unknown>()): void {
  if (depth === 0 || typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const names = new Set<string>(Object.keys(value));
  for (
    let proto = Object.getPrototypeOf(value);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get) names.add(name);
    }
  }
  for (const name of names) {
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[name];
    } catch (error) {
      if (error instanceof TerraError) continue;
      throw new Error(`reading .${name} threw ${String(error)}`);
    }
    // Raw wire data is not ours to walk; parsed classes and their getters are.
    if (name !== 'json' && name !== 'data') touchEverything(child, depth - 1, seen);
  }
}

/** True when nothing has been added to `Object.prototype` (no prototype pollution). */
export function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    Object.keys(Object.prototype).length === 0 && probe.polluted === undefined && probe.isAdmin === undefined
  );
}
