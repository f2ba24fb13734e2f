import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CHART_KIT_JS } from './chart-kit-script.js';
import { DASHBOARD_JS } from './dashboard-script.js';
import { JSON_VIEWER_JS } from './json-viewer-script.js';
import { assetResponse, type PageResponse } from './page-response.js';
import { SANDBOX_CSS } from './styles.js';
import { TIME_FORMAT_JS } from './time-format-script.js';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Files of the uPlot package served from /assets/ (no CDN: the sandbox must work offline). */
const UPLOT_FILES: Record<string, { file: string; type: string }> = {
  'uPlot.iife.min.js': { file: 'uplot/dist/uPlot.iife.min.js', type: JS },
  'uPlot.min.css': { file: 'uplot/dist/uPlot.min.css', type: CSS },
};

/** Every asset the pages load, by file name under /assets/. */
export type AssetTable = ReadonlyMap<string, PageResponse>;

let loaded: AssetTable | undefined;

/**
 * Loads the page assets once per process, when the first sandbox starts, so a missing uPlot install
 * fails loudly at startup instead of as a broken chart later.
 */
export function loadAssets(): AssetTable {
  loaded ??= readAssets();
  return loaded;
}

function readAssets(): AssetTable {
  const require = createRequire(import.meta.url);
  const table = new Map<string, PageResponse>([
    ['sandbox.css', assetResponse(CSS, SANDBOX_CSS)],
    ['dashboard.js', assetResponse(JS, DASHBOARD_JS)],
    ['time-format.js', assetResponse(JS, TIME_FORMAT_JS)],
    ['chart-kit.js', assetResponse(JS, CHART_KIT_JS)],
    ['json-viewer.js', assetResponse(JS, JSON_VIEWER_JS)],
  ]);
  for (const [name, { file, type }] of Object.entries(UPLOT_FILES)) {
    let path: string;
    try {
      path = require.resolve(file);
    } catch {
      throw new Error(
        `terra-sandbox could not find ${file}; the dashboard charts need the 'uplot' package. Reinstall terra-sandbox's dependencies (npm install).`,
      );
    }
    table.set(name, assetResponse(type, readFileSync(path)));
  }
  return table;
}
