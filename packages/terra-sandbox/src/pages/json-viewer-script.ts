// Served as /assets/json-viewer.js: a collapsible pretty JSON view that builds a node's children only
// when it is first opened, so a 5 MB payload opens at once. Fully open, its text is exactly
// JSON.stringify(value, null, 2); toggles and summaries are CSS-drawn, never part of the text. Plain ES2020.

/** Source of /assets/json-viewer.js; defines `window.TerraSandboxJson`. */
export const JSON_VIEWER_JS = `(() => {
  'use strict';
  const PAGE = 200; // children shown per "show more"
  const LONG_STRING = 2000; // characters of a string shown before "show all"
  const AUTO_OPEN_BUDGET = 400; // values rendered by opening nodes breadth-first on first show

  function span(className, text) {
    const el = document.createElement('span');
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function scalar(value) {
    if (typeof value === 'string') {
      const text = JSON.stringify(value);
      if (text.length <= LONG_STRING) return span('j-str', text);
      const el = span('j-str', text.slice(0, LONG_STRING));
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'j-more';
      more.textContent = '… show ' + (text.length - LONG_STRING).toLocaleString('en') + ' more characters';
      more.addEventListener('click', () => {
        el.textContent = text;
      });
      el.appendChild(more);
      return el;
    }
    if (typeof value === 'number') return span('j-num', JSON.stringify(value));
    if (typeof value === 'boolean') return span('j-bool', String(value));
    return span('j-null', 'null');
  }

  function isContainer(value) {
    return value !== null && typeof value === 'object';
  }

  function entriesOf(value) {
    return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.keys(value).map((k) => [k, value[k]]);
  }

  function summary(value, entries) {
    if (Array.isArray(value)) return entries.length + (entries.length === 1 ? ' item' : ' items');
    return entries.length + (entries.length === 1 ? ' key' : ' keys');
  }

  // One object or array: toggle, open bracket, children (built on first open), close bracket.
  // keyText: the member name shown after the toggle ('"name": '), so the toggle sits before it.
  function container(value, depth, key, keyText) {
    const array = Array.isArray(value);
    const entries = entriesOf(value);
    const open = array ? '[' : '{';
    const close = array ? ']' : '}';
    if (entries.length === 0) {
      const empty = span('j-empty');
      if (keyText) empty.appendChild(span('j-key', keyText));
      empty.appendChild(document.createTextNode(open + close));
      return empty;
    }
    const node = span('j-node');
    node.dataset.open = 'false';
    const toggle = span('j-toggle');
    toggle.setAttribute('role', 'button');
    toggle.tabIndex = 0;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-label', (key === undefined ? 'payload' : String(key)) + ': ' + summary(value, entries));
    node.appendChild(toggle);
    if (keyText) node.appendChild(span('j-key', keyText));
    node.appendChild(document.createTextNode(open));
    const children = span('j-children');
    children.hidden = true;
    children.dataset.summary = summary(value, entries);
    node.appendChild(children);
    const shut = span('j-shut');
    shut.dataset.summary = ' ' + summary(value, entries) + ' ';
    node.appendChild(shut);
    node.appendChild(document.createTextNode(close));
    let built = 0;
    const indent = '  '.repeat(depth + 1);
    function buildMore() {
      const end = Math.min(entries.length, built + PAGE);
      const moreButton = children.querySelector(':scope > .j-page');
      if (moreButton) moreButton.remove();
      const lastLine = children.querySelector(':scope > .j-end');
      if (lastLine) lastLine.remove();
      const rendered = [];
      for (let i = built; i < end; i++) {
        const [k, v] = entries[i];
        children.appendChild(document.createTextNode('\\n' + indent));
        const keyText = array ? undefined : JSON.stringify(k) + ': ';
        let child;
        if (isContainer(v)) {
          child = container(v, depth + 1, k, keyText);
        } else {
          if (keyText) children.appendChild(span('j-key', keyText));
          child = scalar(v);
        }
        children.appendChild(child);
        if (i < entries.length - 1) children.appendChild(document.createTextNode(','));
        if (child.classList.contains('j-node')) rendered.push(child);
      }
      built = end;
      if (built < entries.length) {
        const more = document.createElement('button');
        more.type = 'button';
        more.className = 'j-page';
        more.textContent = 'show ' + Math.min(PAGE, entries.length - built) + ' more of ' + (entries.length - built).toLocaleString('en');
        more.addEventListener('click', buildMore);
        children.appendChild(more);
      }
      children.appendChild(span('j-end', '\\n' + '  '.repeat(depth)));
      return rendered;
    }
    node.expand = () => {
      let rendered = [];
      if (built === 0) rendered = buildMore();
      children.hidden = false;
      shut.hidden = true;
      node.dataset.open = 'true';
      toggle.setAttribute('aria-expanded', 'true');
      return { rendered: rendered, count: Math.min(entries.length, PAGE) };
    };
    node.collapse = () => {
      children.hidden = true;
      shut.hidden = false;
      node.dataset.open = 'false';
      toggle.setAttribute('aria-expanded', 'false');
    };
    const flip = () => (node.dataset.open === 'true' ? node.collapse() : node.expand());
    toggle.addEventListener('click', flip);
    toggle.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        flip();
      }
    });
    return node;
  }

  /** Replaces target's content with a view of value, opened breadth-first until about AUTO_OPEN_BUDGET values show. */
  function render(target, value) {
    target.textContent = '';
    if (!isContainer(value)) {
      target.appendChild(scalar(value));
      return;
    }
    const root = container(value, 0);
    target.appendChild(root);
    if (!root.expand) return;
    let budget = AUTO_OPEN_BUDGET;
    const queue = [root];
    while (queue.length > 0 && budget > 0) {
      const node = queue.shift();
      const opened = node.expand();
      budget -= opened.count;
      for (const child of opened.rendered) queue.push(child);
    }
  }

  window.TerraSandboxJson = { render: render };
})();
`;
