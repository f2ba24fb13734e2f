// The dashboard's browser script, served as /assets/dashboard.js after time-format.js, chart-kit.js and
// json-viewer.js. Plain ES2020 with no build step. Tables come from the server already escaped
// (/dashboard/partials/...); chart data and payloads come as JSON and reach the page only through uPlot
// and textContent, never innerHTML.

/** Source of /assets/dashboard.js. */
export const DASHBOARD_JS = `(() => {
  'use strict';
  const POLL_MS = 2000;
  const HEIGHT = 220;
  const root = document.querySelector('[data-dashboard]');
  if (!root) return;
  const Time = window.TerraSandboxTime;
  const Kit = window.TerraSandboxCharts;
  const Json = window.TerraSandboxJson;
  const statusLine = root.querySelector('[data-charts-status]');
  const userNotice = root.querySelector('[data-user-notice]');
  const plots = new Map();
  const lastMarkup = new Map();
  const viewers = new Map();
  let selectedUser = root.dataset.selectedUser || '';
  // A user_id the URL named that does not exist: say so, and do not quietly show someone else.
  let missingUser = root.dataset.unknownUser || '';
  let chartsFor = '';
  // The data routes need the token this page was served with (other sites cannot read it).
  const AUTH = { 'x-sandbox-dashboard-token': root.dataset.token || '' };

  const ROWS = { 1: 'Deep', 2: 'Light', 3: 'REM', 4: 'Awake' };
  const COLORS = { 'heart-rate': '#c62828', sleep: '#5e35b1', steps: '#1f6feb' };

  function chartBox(name) {
    return root.querySelector('[data-chart="' + name + '"]');
  }

  function setChartState(name, state, points, caption, empty) {
    const box = chartBox(name);
    box.dataset.state = state;
    box.dataset.points = String(points);
    if (caption !== undefined) box.querySelector('[data-chart-caption]').textContent = caption;
    const message = box.querySelector('[data-chart-empty]');
    message.textContent = empty || '';
    message.hidden = !empty;
  }

  function clearChart(name) {
    const plot = plots.get(name);
    if (plot) plot.destroy();
    plots.delete(name);
    chartBox(name).querySelector('.chart-canvas').textContent = '';
  }

  function canvasWidth(target) {
    return Math.max(200, Math.floor(target.clientWidth || 320));
  }

  // axes: [x format, y format, y splits?]; describe(i): tooltip text of point i.
  function drawChart(name, options, data, axes, describe) {
    clearChart(name);
    const target = chartBox(name).querySelector('.chart-canvas');
    const labels = Kit.axisLabels([
      { scale: 'x', side: 'bottom', format: axes.x },
      { scale: 'y', side: 'left', format: axes.y },
    ]);
    const x = { space: 64, size: 30, values: labels.valuesHook(0), grid: { stroke: '#eef1f4' } };
    const y = { space: 36, size: 64, values: labels.valuesHook(1), grid: { stroke: '#eef1f4' } };
    if (axes.ySplits) y.splits = axes.ySplits;
    const plot = new uPlot(Object.assign({
      width: canvasWidth(target),
      height: HEIGHT,
      legend: { show: false },
      cursor: { y: false, points: { size: 8 } },
      axes: [x, y],
      plugins: [labels, Kit.tooltip(describe)],
    }, options), data, target);
    plots.set(name, plot);
  }

  // uPlot places time ticks on a Date's local fields; these Dates' local fields show the record's own wall
  // clock (the user's time zone, from the timestamp offset), so ticks fall on round hours of that clock.
  function wallClock(offsetSeconds) {
    return (ts) => uPlot.tzDate(new Date((ts + offsetSeconds) * 1000), 'Etc/UTC');
  }

  function clock(offset) {
    return (v) => Time.parts(v * 1000, offset).time;
  }

  function drawHeartRate(series) {
    if (series.x.length < 2) {
      clearChart('heart-rate');
      setChartState('heart-rate', 'empty', 0, 'No workout in the last 14 days.', 'No workout with heart-rate samples in the last 14 days.');
      return;
    }
    const offset = series.utc_offset_seconds;
    drawChart('heart-rate', {
      tzDate: wallClock(offset),
      scales: { x: { time: true } },
      series: [{}, { label: 'bpm', stroke: COLORS['heart-rate'], width: 2, fill: 'rgba(198, 40, 40, 0.08)', points: { show: false } }],
    }, [series.x, series.y], { x: clock(offset), y: (v) => Math.round(v) + ' bpm' },
    (i) => Time.format(series.x[i] * 1000, offset) + ' · ' + series.y[i] + ' bpm');
    const what = series.workout ? String(series.workout) + ', ' : '';
    const when = Time.format(Date.parse(series.start_time), offset);
    setChartState('heart-rate', 'ready', series.x.length, what + when + ' · ' + series.x.length + ' samples');
  }

  function drawSleep(series) {
    if (series.x.length < 2) {
      clearChart('sleep');
      setChartState('sleep', 'empty', 0, 'No night in the last 14 days.', 'No night with sleep stages in the last 14 days.');
      return;
    }
    const offset = series.utc_offset_seconds;
    drawChart('sleep', {
      tzDate: wallClock(offset),
      scales: { x: { time: true }, y: { range: [0.5, 4.5] } },
      series: [{}, { label: 'stage', stroke: COLORS.sleep, width: 2, fill: 'rgba(94, 53, 177, 0.10)',
        paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
    }, [series.x, series.y], { x: clock(offset), y: (v) => ROWS[v] || '', ySplits: () => [1, 2, 3, 4] },
    (i) => Time.format(series.x[i] * 1000, offset) + ' · ' + (ROWS[series.y[i]] || 'no data'));
    const start = Date.parse(series.start_time);
    const end = Date.parse(series.end_time);
    setChartState('sleep', 'ready', series.x.length,
      Time.format(start, offset) + ' to ' + Time.parts(end, offset).time + ' · ' + duration((end - start) / 1000));
  }

  function drawSteps(series) {
    const recorded = series.y.filter((v) => typeof v === 'number' && v > 0).length;
    if (series.x.length === 0 || recorded === 0) {
      clearChart('steps');
      const days = series.x.length;
      setChartState('steps', 'empty', 0, 'last ' + days + ' days', 'No steps recorded in the last ' + days + ' days.');
      return;
    }
    const halfDay = 43200;
    const day = (v) => new Date(v * 1000).toISOString().slice(5, 10);
    drawChart('steps', {
      tzDate: wallClock(0),
      scales: {
        x: { time: true, range: (u, min, max) => [min - halfDay, max + halfDay] },
        // Bars start at zero or short days look empty.
        y: { range: (u, min, max) => [0, Math.max(max, 1000) * 1.1] },
      },
      series: [{}, { label: 'steps', stroke: COLORS.steps, fill: 'rgba(31, 111, 235, 0.55)', width: 1,
        paths: uPlot.paths.bars({ size: [0.7, 60] }), points: { show: false } }],
    }, [series.x, series.y], {
      x: (v) => (v % 86400 === 0 ? day(v) : ''),
      y: (v) => (v >= 1000 ? (v / 1000).toLocaleString('en', { maximumFractionDigits: 1 }) + 'k' : String(v)),
    }, (i) => series.days[i] + ' · ' + (series.y[i] === null ? 'no data' : series.y[i].toLocaleString('en') + ' steps'));
    const total = series.y.reduce((sum, v) => sum + (v || 0), 0);
    setChartState('steps', 'ready', series.x.length, 'last ' + series.x.length + ' days · ' + total.toLocaleString('en') + ' steps');
  }

  function duration(seconds) {
    const minutes = Math.round(seconds / 60);
    const h = Math.floor(minutes / 60);
    return (h > 0 ? h + ' h ' : '') + (minutes % 60) + ' min';
  }

  function drawSleepTable(sessions) {
    const body = root.querySelector('[data-sleep-rows]');
    const empty = root.querySelector('[data-sleep-empty]');
    body.textContent = '';
    empty.hidden = sessions.length > 0;
    for (const s of sessions.slice().reverse()) {
      const row = document.createElement('tr');
      row.dataset.nap = String(s.is_nap);
      if (s.is_nap) row.className = 'nap';
      const cells = [
        Time.format(Date.parse(s.start_time), s.utc_offset_seconds),
        Time.format(Date.parse(s.end_time), s.utc_offset_seconds),
        duration(s.duration_seconds),
      ];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        row.appendChild(td);
      }
      const kind = document.createElement('td');
      const pill = document.createElement('span');
      pill.className = s.is_nap ? 'pill wait' : 'pill';
      pill.textContent = s.is_nap ? 'nap' : 'night';
      kind.appendChild(pill);
      row.appendChild(kind);
      body.appendChild(row);
    }
  }

  function emptyCharts(caption, message) {
    for (const name of ['heart-rate', 'sleep', 'steps']) {
      clearChart(name);
      setChartState(name, 'empty', 0, caption, message);
    }
    drawSleepTable([]);
  }

  async function loadCharts(userId) {
    chartsFor = userId;
    if (!userId) {
      const users = root.querySelectorAll('tr[data-user-id]').length;
      if (users === 0) emptyCharts('Connect a user to see charts.', 'No users yet.');
      else emptyCharts('Pick a user to see charts.', 'Press Charts on a user above.');
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
      drawSleepTable(charts.sleep_sessions || []);
      statusLine.textContent = 'user_id ' + userId;
    } catch (err) {
      for (const name of ['heart-rate', 'sleep', 'steps']) setChartState(name, 'error', 0, 'Could not load: ' + err.message);
      statusLine.textContent = 'Charts unavailable for user_id ' + userId;
    }
  }

  function showMissing(userId, gone) {
    missingUser = userId;
    userNotice.hidden = !userId;
    userNotice.textContent = userId
      ? (gone ? 'user_id ' + userId + ' no longer exists (it was deleted or deauthenticated).'
        : 'No user with user_id ' + userId + '. Check the id, or pick a user from the table below.')
      : '';
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
    if (userId) showMissing('');
    const url = new URL(location.href);
    if (userId) url.searchParams.set('user_id', userId); else if (!missingUser) url.searchParams.delete('user_id');
    history.replaceState(null, '', url);
    markSelected();
    loadCharts(userId);
  }

  async function openPayload(details) {
    const id = details.dataset.deliveryId;
    const target = details.querySelector('[data-payload-view]');
    if (viewers.has(id)) {
      target.replaceWith(viewers.get(id));
      return;
    }
    target.textContent = 'Loading...';
    try {
      const res = await fetch('/dashboard/api/deliveries/' + encodeURIComponent(id), { cache: 'no-store', headers: AUTH });
      if (!res.ok) throw new Error('the server answered ' + res.status);
      const delivery = await res.json();
      if (delivery.payload === '') {
        target.textContent = 'Nothing was sent: the payload could not be generated.';
      } else {
        Json.render(target, delivery.payload);
      }
      target.dataset.state = 'ready';
      viewers.set(id, target);
    } catch (err) {
      target.textContent = 'Could not load the payload: ' + err.message;
    }
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
    Time.localize(target);
    // Parsed payloads are kept only while their viewer is open, so a long session does not hoard megabytes.
    if (name === 'deliveries') for (const id of Array.from(viewers.keys())) if (!open.has(id)) viewers.delete(id);
    for (const details of target.querySelectorAll('details[data-delivery-id]')) {
      if (open.has(details.dataset.deliveryId)) {
        details.open = true;
        openPayload(details);
      }
    }
  }

  // The store comparison reads the whole store, so it refreshes every third tick, one read at a time.
  const storePanel = root.querySelector('[data-partial="store"]');
  let storeTick = 0;
  let storeBusy = false;
  function refreshStore() {
    if (!storePanel || storeBusy || storeTick++ % 3 !== 0) return;
    storeBusy = true;
    refreshPartial('store')
      .catch(() => {})
      .finally(() => {
        storeBusy = false;
      });
  }

  async function poll() {
    // A background tab does not need fresh tables; it catches up on the first tick after it is shown.
    if (document.hidden) {
      setTimeout(poll, POLL_MS);
      return;
    }
    refreshStore();
    try {
      await Promise.all([refreshPartial('users'), refreshPartial('deliveries')]);
      markSelected();
      const ids = Array.from(root.querySelectorAll('tr[data-user-id]'), (row) => row.dataset.userId);
      if (selectedUser && !ids.includes(selectedUser)) {
        const gone = selectedUser;
        selectUser('');
        showMissing(gone, true);
      } else if (!selectedUser && !missingUser && ids.length > 0) {
        selectUser(ids[0]);
      }
    } catch (err) {
      // A sandbox restart or a dropped connection: keep the last view and try again next tick.
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  async function resend(button) {
    button.disabled = true;
    const status = button.parentNode.querySelector('[data-resend-status]');
    try {
      const res = await fetch('/dashboard/api/deliveries/' + encodeURIComponent(button.dataset.resend) + '/resend', {
        method: 'POST',
        headers: AUTH,
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body.detail || body.error || 'the server answered ' + res.status);
      status.textContent = 'Resent as a new delivery.';
      lastMarkup.delete('deliveries');
      await refreshPartial('deliveries');
    } catch (err) {
      if (status) status.textContent = 'Could not resend: ' + err.message;
      button.disabled = false;
    }
  }

  root.addEventListener('click', (event) => {
    const chart = event.target.closest('[data-chart-user]');
    if (chart) selectUser(chart.dataset.chartUser);
    const again = event.target.closest('[data-resend]');
    if (again) resend(again);
  });

  root.addEventListener('toggle', (event) => {
    const details = event.target;
    if (details.matches && details.matches('details[data-delivery-id]') && details.open) openPayload(details);
  }, true);

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const [name, plot] of plots) {
        const target = chartBox(name).querySelector('.chart-canvas');
        plot.setSize({ width: canvasWidth(target), height: HEIGHT });
      }
    }, 150);
  });

  Time.localize(root);
  if (missingUser) showMissing(missingUser, false);
  loadCharts(selectedUser);
  refreshStore();
  setTimeout(poll, POLL_MS);
})();
`;
