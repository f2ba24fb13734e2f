// The dashboard's browser script, served as /assets/dashboard.js. Plain ES2020 with no build step.
// Tables come from the server already escaped (/dashboard/partials/...); chart data comes as JSON and
// reaches the page only through uPlot and textContent, never innerHTML.

/** Source of /assets/dashboard.js. */
export const DASHBOARD_JS = `(() => {
  'use strict';
  const POLL_MS = 2000;
  const root = document.querySelector('[data-dashboard]');
  if (!root) return;
  const statusLine = root.querySelector('[data-charts-status]');
  const plots = new Map();
  const lastMarkup = new Map();
  let selectedUser = root.dataset.selectedUser || '';
  // The data routes need the token this page was served with (other sites cannot read it).
  const AUTH = { 'x-sandbox-dashboard-token': root.dataset.token || '' };
  let chartsFor = '';

  const ROWS = { 1: 'Deep', 2: 'Light', 3: 'REM', 4: 'Awake' };
  const COLORS = { 'heart-rate': '#c62828', sleep: '#5e35b1', steps: '#1f6feb' };

  function chartBox(name) {
    return root.querySelector('[data-chart="' + name + '"]');
  }

  function setChartState(name, state, points, caption) {
    const box = chartBox(name);
    box.dataset.state = state;
    box.dataset.points = String(points);
    if (caption !== undefined) box.querySelector('[data-chart-caption]').textContent = caption;
  }

  function clearChart(name) {
    const plot = plots.get(name);
    if (plot) plot.destroy();
    plots.delete(name);
    chartBox(name).querySelector('.chart-canvas').textContent = '';
  }

  function drawChart(name, options, data) {
    clearChart(name);
    const target = chartBox(name).querySelector('.chart-canvas');
    const width = Math.max(260, Math.floor(target.clientWidth || 320));
    const plot = new uPlot(Object.assign({ width: width, height: 220, legend: { show: false } }, options), data, target);
    plots.set(name, plot);
  }

  // uPlot labels axes from a Date's local fields; these Dates' local fields show the record's own wall
  // clock (the user's time zone, from the timestamp offset), whatever the viewer's time zone is.
  function wallClock(offsetSeconds) {
    return (ts) => uPlot.tzDate(new Date((ts + offsetSeconds) * 1000), 'Etc/UTC');
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function offsetLabel(offsetSeconds) {
    const abs = Math.abs(offsetSeconds);
    return 'UTC' + (offsetSeconds < 0 ? '-' : '+') + pad(Math.floor(abs / 3600)) + ':' + pad(Math.floor((abs % 3600) / 60));
  }

  function timeLabel(iso, offsetSeconds) {
    const ms = Date.parse(iso || '');
    if (isNaN(ms)) return '';
    return new Date(ms + offsetSeconds * 1000).toISOString().replace('T', ' ').slice(0, 16);
  }

  function drawHeartRate(series) {
    if (series.x.length < 2) {
      clearChart('heart-rate');
      setChartState('heart-rate', 'empty', 0, 'No workout with heart-rate samples in the last 14 days.');
      return;
    }
    drawChart('heart-rate', {
      tzDate: wallClock(series.utc_offset_seconds),
      scales: { x: { time: true } },
      series: [{}, { label: 'bpm', stroke: COLORS['heart-rate'], width: 2, fill: 'rgba(198, 40, 40, 0.08)', points: { show: false } }],
      axes: [{}, { label: 'bpm', size: 50 }],
    }, [series.x, series.y]);
    const what = series.workout ? String(series.workout) + ', ' : '';
    const when = timeLabel(series.start_time, series.utc_offset_seconds) + ' (' + offsetLabel(series.utc_offset_seconds) + ')';
    setChartState('heart-rate', 'ready', series.x.length, what + when + ' · ' + series.x.length + ' samples');
  }

  function drawSleep(series) {
    if (series.x.length < 2) {
      clearChart('sleep');
      setChartState('sleep', 'empty', 0, 'No night with sleep stages in the last 14 days.');
      return;
    }
    drawChart('sleep', {
      tzDate: wallClock(series.utc_offset_seconds),
      scales: { x: { time: true }, y: { range: [0.5, 4.5] } },
      series: [{}, { label: 'stage', stroke: COLORS.sleep, width: 2, fill: 'rgba(94, 53, 177, 0.10)',
        paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
      axes: [{}, { size: 60, splits: () => [1, 2, 3, 4], values: (u, splits) => splits.map((v) => ROWS[v] || '') }],
    }, [series.x, series.y]);
    const offset = series.utc_offset_seconds;
    const span = timeLabel(series.start_time, offset) + ' to ' + timeLabel(series.end_time, offset);
    setChartState('sleep', 'ready', series.x.length, span + ' (' + offsetLabel(offset) + ')');
  }

  function drawSteps(series) {
    if (series.x.length === 0) {
      clearChart('steps');
      setChartState('steps', 'empty', 0, 'No days requested.');
      return;
    }
    const halfDay = 43200;
    drawChart('steps', {
      tzDate: wallClock(0),
      scales: {
        x: { time: true, range: (u, min, max) => [min - halfDay, max + halfDay] },
        // Bars must start at zero or short days look empty.
        y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      series: [{}, { label: 'steps', stroke: COLORS.steps, fill: 'rgba(31, 111, 235, 0.55)', width: 1,
        paths: uPlot.paths.bars({ size: [0.7, 60] }), points: { show: false } }],
      axes: [{}, { label: 'steps', size: 60 }],
    }, [series.x, series.y]);
    const total = series.y.reduce((sum, v) => sum + (v || 0), 0);
    setChartState('steps', 'ready', series.x.length, 'last ' + series.x.length + ' days · ' + total.toLocaleString('en') + ' steps');
  }

  async function loadCharts(userId) {
    chartsFor = userId;
    if (!userId) {
      for (const name of ['heart-rate', 'sleep', 'steps']) {
        clearChart(name);
        setChartState(name, 'empty', 0, 'Connect a user to see charts.');
      }
      return;
    }
    statusLine.textContent = 'Loading charts for user_id ' + userId + '...';
    try {
      const res = await fetch('/dashboard/api/users/' + encodeURIComponent(userId) + '/charts', { cache: 'no-store', headers: AUTH });
      if (!res.ok) throw new Error('the server answered ' + res.status);
      const charts = await res.json();
      if (chartsFor !== userId) return;
      drawHeartRate(charts.heart_rate);
      drawSleep(charts.sleep);
      drawSteps(charts.steps);
      statusLine.textContent = 'user_id ' + userId;
    } catch (err) {
      for (const name of ['heart-rate', 'sleep', 'steps']) setChartState(name, 'error', 0, 'Could not load: ' + err.message);
      statusLine.textContent = 'Charts unavailable for user_id ' + userId;
    }
  }

  function markSelected() {
    for (const row of root.querySelectorAll('tr[data-user-id]')) {
      const on = row.dataset.userId === selectedUser;
      row.classList.toggle('selected', on);
      const button = row.querySelector('[data-chart-user]');
      if (button) button.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  function selectUser(userId) {
    selectedUser = userId;
    root.dataset.selectedUser = userId;
    const url = new URL(location.href);
    if (userId) url.searchParams.set('user_id', userId); else url.searchParams.delete('user_id');
    history.replaceState(null, '', url);
    markSelected();
    loadCharts(userId);
  }

  async function refreshPartial(name) {
    const target = root.querySelector('[data-partial="' + name + '"]');
    const res = await fetch('/dashboard/partials/' + name, { cache: 'no-store', headers: AUTH });
    if (!res.ok) return;
    const markup = await res.text();
    if (lastMarkup.get(name) === markup) return;
    lastMarkup.set(name, markup);
    const open = new Set(Array.from(target.querySelectorAll('details[open]'), (d) => d.dataset.deliveryId));
    // The server escaped every value in this markup; it is the same renderer that drew the first paint.
    target.innerHTML = markup;
    for (const details of target.querySelectorAll('details[data-delivery-id]')) {
      if (open.has(details.dataset.deliveryId)) details.open = true;
    }
  }

  async function poll() {
    // A background tab does not need fresh tables; it catches up on the first tick after it is shown.
    if (document.hidden) {
      setTimeout(poll, POLL_MS);
      return;
    }
    try {
      await Promise.all([refreshPartial('users'), refreshPartial('deliveries')]);
      markSelected();
      const rows = root.querySelectorAll('tr[data-user-id]');
      const ids = Array.from(rows, (row) => row.dataset.userId);
      if (!ids.includes(selectedUser)) selectUser(ids[0] || '');
    } catch (err) {
      // A sandbox restart or a dropped connection: keep the last view and try again next tick.
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  root.addEventListener('click', (event) => {
    const button = event.target.closest('[data-chart-user]');
    if (button) selectUser(button.dataset.chartUser);
  });

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const [name, plot] of plots) {
        const target = chartBox(name).querySelector('.chart-canvas');
        plot.setSize({ width: Math.max(260, Math.floor(target.clientWidth)), height: 220 });
      }
    }, 150);
  });

  loadCharts(selectedUser);
  setTimeout(poll, POLL_MS);
})();
`;
