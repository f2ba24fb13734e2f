/** The sandbox pages' stylesheet, served as /assets/sandbox.css (one file, no build step). */
export const SANDBOX_CSS = `
:root {
  --ink: #17202a;
  --muted: #5b6670;
  --line: #dde3e8;
  --paper: #ffffff;
  --wash: #f3f6f8;
  --accent: #1f6feb;
  --accent-ink: #ffffff;
  --ok: #1a7f37;
  --bad: #c62828;
  --warn: #9a6700;
  --radius: 10px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink);
  background: var(--wash);
  line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1, h2, h3 { line-height: 1.25; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }

/* Widget: one centred card. */
body.widget { min-height: 100vh; display: flex; align-items: flex-start; justify-content: center; padding: 6vh 1rem 2rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius);
  box-shadow: 0 8px 30px rgb(23 32 42 / 0.08); width: 100%; max-width: 30rem; padding: 1.75rem; }
.card h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
.card .note { color: var(--muted); font-size: 0.8rem; margin: 1.5rem 0 0; border-top: 1px solid var(--line); padding-top: 0.75rem; }
.providers { list-style: none; padding: 0; margin: 1.25rem 0 0; display: grid; gap: 0.5rem;
  grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); }
.provider { display: flex; align-items: center; gap: 0.75rem; padding: 0.7rem 0.8rem; border: 1px solid var(--line);
  border-radius: var(--radius); text-decoration: none; color: var(--ink); font-weight: 600; background: var(--paper); }
.provider:hover { border-color: var(--accent); background: #f5f9ff; }
.badge { flex: none; display: inline-grid; place-items: center; width: 2.1rem; height: 2.1rem; border-radius: 50%;
  background: var(--accent); color: var(--accent-ink); font-weight: 700; }
img.badge { border-radius: 8px; background: none; }
.consent-brand { display: flex; align-items: center; gap: 0.75rem; margin-bottom: 0.5rem; }
.consent-brand h1 { margin: 0; }
.question { font-size: 1.1rem; font-weight: 600; }
.decision { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.25rem; }
button { font: inherit; font-weight: 600; border-radius: var(--radius); padding: 0.6rem 1.4rem; cursor: pointer; }
button.primary { background: var(--accent); color: var(--accent-ink); border: 1px solid var(--accent); }
button.secondary { background: var(--paper); color: var(--ink); border: 1px solid var(--line); }
button.primary:hover { filter: brightness(1.1); }
button.secondary:hover { border-color: var(--ink); }
.result-success { color: var(--ok); }
.result-cancelled, .error h1 { color: var(--bad); }
.warning { color: var(--warn); background: #fff8e6; border: 1px solid #ecd48f; border-radius: 6px; padding: 0.5rem 0.75rem; font-size: 0.9rem; }
.ids { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; font-size: 0.9rem; }
.ids dt { color: var(--muted); }
.ids dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }

/* Dashboard: header, then sections that stack on narrow screens. */
body.dashboard { padding: 0 0 3rem; }
.topbar { background: var(--ink); color: #fff; padding: 0.9rem 1.5rem; display: flex; flex-wrap: wrap;
  align-items: baseline; gap: 0.5rem 1.5rem; }
.topbar h1 { font-size: 1.2rem; margin: 0; }
.topbar p { margin: 0; color: #c9d1d9; font-size: 0.9rem; }
.dashboard main { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); margin-top: 1.25rem; padding: 1rem 1.25rem; }
.panel h2 { font-size: 1.1rem; margin: 0 0 0.75rem; }
.panel-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; }
.panel-head h2 { margin: 0; }
.table-scroll { overflow-x: auto; margin-top: 0.75rem; position: relative; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td.mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.82rem; overflow-wrap: anywhere; }
td.id { white-space: nowrap; }
td button { padding: 0.2rem 0.8rem; font-size: 0.85rem; }
tr.selected td { background: #f5f9ff; }
.empty { color: var(--muted); font-style: italic; }
.notice { color: var(--warn); background: #fff8e6; border: 1px solid #ecd48f; border-radius: 6px; padding: 0.5rem 0.75rem;
  font-size: 0.85rem; margin: 0.5rem 0 0; }
.pill { display: inline-block; padding: 0.05rem 0.55rem; border-radius: 999px; font-size: 0.8rem; font-weight: 600;
  background: var(--wash); border: 1px solid var(--line); white-space: nowrap; }
.pill.ok { color: var(--ok); border-color: #a7d8b4; background: #eefaf1; }
.pill.bad { color: var(--bad); border-color: #f1b5b5; background: #fdf1f1; }
.pill.wait { color: var(--warn); border-color: #ecd48f; background: #fff8e6; }
tr.payload-row td { padding-top: 0; font-size: 0.85rem; }
tr:has(+ tr.payload-row) td { border-bottom: none; }
details summary { cursor: pointer; color: var(--accent); width: max-content; }
details pre { max-height: 24rem; max-width: 100%; overflow: auto; background: var(--wash); border: 1px solid var(--line);
  border-radius: 6px; padding: 0.6rem; margin: 0.4rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.truncated { color: var(--warn); font-size: 0.8rem; }
label { font-weight: 600; font-size: 0.9rem; }
select { font: inherit; padding: 0.3rem 0.5rem; border-radius: 6px; border: 1px solid var(--line); max-width: 100%; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; margin-top: 0.75rem; }
figure.chart { margin: 0; }
.chart { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem; min-width: 0; }
.chart h3 { font-size: 0.95rem; margin: 0 0 0.15rem; }
.chart .caption { color: var(--muted); font-size: 0.8rem; margin: 0 0 0.5rem; }
.chart-canvas { min-height: 220px; }
.status-line { color: var(--muted); font-size: 0.85rem; }
caption.status-line { text-align: left; padding-bottom: 0.25rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.topbar h1 a { color: inherit; text-decoration: none; }
.sub-heading { font-size: 0.95rem; margin: 1.25rem 0 0; }
tr.nap td { background: #fffbeb; }
.chart-canvas { position: relative; }
.chart:not([data-state="ready"]):not([data-state="loading"]) .chart-canvas { min-height: 0; }
.chart-empty { color: var(--muted); font-style: italic; margin: 0; padding: 3rem 0.5rem; text-align: center;
  border: 1px dashed var(--line); border-radius: 6px; }
.uplot .u-wrap { overflow: visible; }
.axis-labels { position: absolute; inset: 0; pointer-events: none; }
.axis-label { position: absolute; font-size: 0.72rem; color: var(--muted); white-space: nowrap; line-height: 1; }
.axis-label.axis-bottom { transform: translateX(-50%); }
.axis-label.axis-left { transform: translate(-100%, -50%); }
.chart-tooltip { position: absolute; z-index: 2; pointer-events: none; background: var(--ink); color: #fff;
  font-size: 0.78rem; padding: 0.25rem 0.5rem; border-radius: 6px; width: max-content; max-width: 100%; }
.payload-actions { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0.25rem 1rem; }
.payload-actions details { flex: 1 1 20rem; min-width: 0; }
button.small { padding: 0.15rem 0.7rem; font-size: 0.8rem; }
pre.json-view:empty { display: none; }
.j-toggle { cursor: pointer; display: inline-block; width: 1.2em; margin-left: -1.2em; color: var(--accent); }
.sleep-table td { white-space: nowrap; }
.store-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
.store-table .store-status { min-width: 9rem; }
.store-table .store-keys { font-size: 0.78rem; color: var(--muted); overflow-wrap: anywhere; }
.j-toggle::before { content: "▸"; }
.j-node[data-open="true"] > .j-toggle::before { content: "▾"; }
.j-shut::before { content: attr(data-summary); color: var(--muted); font-style: italic; }
.j-key { color: #0b4f9c; }
.j-str { color: #1a7f37; }
.j-num { color: #9a3412; }
.j-bool, .j-null { color: #6d28d9; }
.j-more, .j-page { font: inherit; font-size: 0.8rem; padding: 0 0.4rem; margin: 0 0.3rem; border-radius: 4px;
  border: 1px solid var(--line); background: var(--paper); color: var(--accent); }
pre.json-view { padding-left: 1.6rem; }
pre.readme { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
.landing .links { padding-left: 1.1rem; }
.landing .links li { margin: 0.4rem 0; }
@media (max-width: 40rem) {
  .card { padding: 1.25rem; }
  .charts { grid-template-columns: 1fr; }
}
`;
