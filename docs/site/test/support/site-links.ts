import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A link in the site that leads nowhere. */
export interface BrokenLink {
  /** The page it is on, relative to the site root. */
  page: string;
  /** The href or src as written. */
  link: string;
  /** Why it is broken. */
  problem: 'missing file' | 'missing anchor';
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;

/** Every .html file under `root`, recursively. */
export function htmlPages(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(root, file));
}

const idsCache = new Map<string, Set<string>>();
/** The ids (and legacy names) a file defines, for anchor checks; works for HTML and SVG. */
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const text = readFileSync(file, 'utf8');
    ids = new Set([...text.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((match) => match[1] as string));
    idsCache.set(file, ids);
  }
  return ids;
}

/**
 * Walks every page of the static site under `root` and checks each internal `href` and `src`: the file
 * exists inside the site, and a `#fragment` names an element of it. External URLs are not fetched.
 */
export function brokenLinks(root: string): { checked: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const page of htmlPages(root)) {
    const html = readFileSync(page, 'utf8');
    for (const [, link = ''] of html.matchAll(ATTRIBUTE)) {
      if (link === '' || link === '#' || EXTERNAL.test(link)) continue;
      checked++;
      const [path = '', fragment] = link.split('#');
      const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
      const where = relative(root, page);
      if (!target.startsWith(root) || !existsSync(target)) {
        broken.push({ page: where, link, problem: 'missing file' });
      } else if (fragment && !idsOf(target).has(decodeURIComponent(fragment))) {
        broken.push({ page: where, link, problem: 'missing anchor' });
      }
    }
  }
  return { checked, broken };
}
