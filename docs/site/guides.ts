import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the guide pages are staged for TypeDoc (git-ignored; rewritten on every build). */
export const stagingDir = join(repoRoot, 'docs', 'site', '.guides');

/** One guide of the site: a README of the workspace, shown as a page of its own. */
export interface Guide {
  /** The page title in the navigation. */
  title: string;
  /** The staged file name, without `.md` (also the page's name in the links of home.md). */
  slug: string;
  /** The README it shows, relative to the workspace root. */
  source: string;
}

/**
 * The guides, in navigation order. The READMEs are the single source: the site shows them as they are,
 * with their links re-pointed (another guide's README -> that guide's page; any other workspace file -> a
 * copy TypeDoc puts in the site's media folder).
 */
export const guides: Guide[] = [
  { title: 'terra-ts guide', slug: 'terra-ts', source: 'packages/terra-ts/README.md' },
  { title: 'Examples', slug: 'examples', source: 'examples/README.md' },
  { title: 'Sandbox', slug: 'sandbox', source: 'packages/terra-sandbox/README.md' },
  { title: 'CLI', slug: 'cli', source: 'packages/terra-cli/README.md' },
  { title: 'Store', slug: 'store', source: 'packages/terra-store/README.md' },
  { title: 'Security', slug: 'security', source: 'SECURITY.md' },
  { title: 'Contributing', slug: 'contributing', source: 'CONTRIBUTING.md' },
  { title: 'Versioning', slug: 'versioning', source: '.changeset/README.md' },
];

const LINK = /(\]\()([^)\s]+)(\))/g;

/** Re-points one relative link of `source` for the staged copy; absolute URLs and anchors stay. */
function repoint(target: string, source: string, staged: Map<string, string>): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return target;
  const [path = '', anchor] = target.split('#');
  let absolute = resolve(dirname(join(repoRoot, source)), path);
  if (existsSync(absolute) && statSync(absolute).isDirectory() && existsSync(join(absolute, 'README.md'))) {
    absolute = join(absolute, 'README.md');
  }
  const guide = staged.get(absolute);
  const suffix = anchor ? `#${anchor}` : '';
  if (guide) return `./${guide}.md${suffix}`;
  return `${relative(stagingDir, absolute)}${suffix}`;
}

/**
 * Writes each guide whose README exists into {@link stagingDir} with a title front matter and its links
 * re-pointed. Returns the guides written (a package without a README yet has no page).
 */
export function stageGuides(): Guide[] {
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  const present = guides.filter((guide) => existsSync(join(repoRoot, guide.source)));
  const staged = new Map(present.map((guide) => [join(repoRoot, guide.source), guide.slug]));
  for (const guide of present) {
    const text = readFileSync(join(repoRoot, guide.source), 'utf8');
    const body = text.replace(LINK, (_all, open: string, target: string, close: string) => {
      return `${open}${repoint(target, guide.source, staged)}${close}`;
    });
    writeFileSync(
      join(stagingDir, `${guide.slug}.md`),
      `---\ntitle: ${guide.title}\ngroup: Guides\n---\n\n${body}`,
    );
  }
  // The home page lists the guides that exist.
  const home = readFileSync(join(repoRoot, 'docs', 'site', 'home.md'), 'utf8');
  const list = present.map((guide) => `- [${guide.title}](./${guide.slug}.md)`).join('\n');
  writeFileSync(join(stagingDir, 'home.md'), home.replace('<!-- guides -->', list));
  return present;
}
