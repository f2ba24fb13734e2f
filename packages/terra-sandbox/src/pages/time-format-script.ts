// Served as /assets/time-format.js: the one date format of the sandbox's pages, `YYYY-MM-DD HH:MM UTC±HH:MM`,
// in the viewer's wall clock (tables) or a record's own offset (charts of a user's data). Plain ES2020.

/** Source of /assets/time-format.js; defines `window.TerraSandboxTime`. */
export const TIME_FORMAT_JS = `(() => {
  'use strict';
  function pad(n) {
    return String(n).padStart(2, '0');
  }
  function zone(offsetSeconds) {
    const abs = Math.abs(offsetSeconds);
    return 'UTC' + (offsetSeconds < 0 ? '-' : '+') + pad(Math.floor(abs / 3600)) + ':' + pad(Math.floor((abs % 3600) / 60));
  }
  // The viewer's offset at that instant (daylight saving included), in seconds east of UTC.
  function viewerOffset(ms) {
    return -new Date(ms).getTimezoneOffset() * 60;
  }
  function parts(ms, offsetSeconds) {
    const d = new Date(ms + offsetSeconds * 1000);
    return {
      day: d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()),
      time: pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()),
    };
  }
  /** 'YYYY-MM-DD HH:MM UTC±HH:MM' at offsetSeconds (the viewer's own when omitted). */
  function format(ms, offsetSeconds) {
    const offset = offsetSeconds === undefined ? viewerOffset(ms) : offsetSeconds;
    const p = parts(ms, offset);
    return p.day + ' ' + p.time + ' ' + zone(offset);
  }
  /** Rewrites every <time datetime> under root into the viewer's wall clock; the ISO stays in title. */
  function localize(root) {
    for (const el of root.querySelectorAll('time[datetime]')) {
      const ms = Date.parse(el.getAttribute('datetime') || '');
      if (isNaN(ms)) continue;
      el.textContent = format(ms);
      el.title = el.getAttribute('datetime');
    }
  }
  window.TerraSandboxTime = { format: format, zone: zone, parts: parts, localize: localize };
})();
`;
