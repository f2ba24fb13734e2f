// Served as /assets/chart-kit.js: what every dashboard chart adds to uPlot. Axis labels are DOM text
// placed over the canvas and thinned so no two overlap at any width; a tooltip shows the value under
// the cursor. Text reaches the page only through textContent. Plain ES2020.

/** Source of /assets/chart-kit.js; defines `window.TerraSandboxCharts`. */
export const CHART_KIT_JS = `(() => {
  'use strict';
  const GAP = 8; // px between neighbouring labels

  function overlaps(a, b) {
    return a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom && b.top < a.bottom;
  }

  /**
   * Axis labels in the DOM. axes: [{ scale: 'x' | 'y', side: 'bottom' | 'left', format(value) }]; splits
   * come from uPlot (its canvas draws ticks and grid, no text). Labels that would touch the previous
   * kept one, or leave the chart, are dropped.
   */
  function axisLabels(axes) {
    let layer;
    const captured = axes.map(() => []);
    function valuesHook(i) {
      return (u, splits) => {
        captured[i] = splits.slice();
        return splits.map(() => '');
      };
    }
    function draw(u) {
      if (!layer) {
        layer = document.createElement('div');
        layer.className = 'axis-labels';
        u.over.parentNode.appendChild(layer);
      }
      layer.textContent = '';
      const over = u.over;
      const bounds = u.root.getBoundingClientRect();
      axes.forEach((axis, i) => {
        const kept = [];
        for (const value of captured[i]) {
          if (value === null || value === undefined) continue;
          const text = axis.format(value);
          if (!text) continue;
          const pos = u.valToPos(value, axis.scale);
          if (!isFinite(pos)) continue;
          const label = document.createElement('span');
          label.className = 'axis-label axis-' + axis.side;
          label.dataset.axis = axis.scale;
          label.textContent = text;
          if (axis.side === 'bottom') {
            label.style.left = over.offsetLeft + pos + 'px';
            label.style.top = over.offsetTop + over.offsetHeight + 6 + 'px';
          } else {
            label.style.left = over.offsetLeft - 8 + 'px';
            label.style.top = over.offsetTop + pos + 'px';
          }
          layer.appendChild(label);
          const box = label.getBoundingClientRect();
          const outside = box.left < bounds.left - 1 || box.right > bounds.right + 1;
          if (outside || kept.some((k) => overlaps(k, box))) {
            label.remove();
            continue;
          }
          kept.push(box);
        }
      });
    }
    return { valuesHook: valuesHook, hooks: { draw: [draw] } };
  }

  /** A tooltip over the plot: describe(index) gives the text for the data point under the cursor. */
  function tooltip(describe) {
    let tip;
    function init(u) {
      tip = document.createElement('div');
      tip.className = 'chart-tooltip';
      tip.setAttribute('role', 'status');
      tip.hidden = true;
      u.over.appendChild(tip);
      u.over.addEventListener('mouseleave', () => {
        tip.hidden = true;
      });
    }
    function setCursor(u) {
      const idx = u.cursor.idx;
      const text = idx === null || idx === undefined ? '' : describe(idx);
      if (!text) {
        tip.hidden = true;
        return;
      }
      tip.textContent = text;
      tip.hidden = false;
      const width = u.over.clientWidth;
      const x = u.valToPos(u.data[0][idx], 'x');
      const left = Math.min(Math.max(x - tip.offsetWidth / 2, 0), Math.max(width - tip.offsetWidth, 0));
      tip.style.left = left + 'px';
      tip.style.top = Math.max((u.cursor.top || 0) - tip.offsetHeight - 12, 0) + 'px';
    }
    return { hooks: { init: [init], setCursor: [setCursor] } };
  }

  window.TerraSandboxCharts = { axisLabels: axisLabels, tooltip: tooltip };
})();
`;
