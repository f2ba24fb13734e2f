import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from '../../src/pages/html.js';

describe('html template', () => {
  it('escapes interpolated strings so markup in data stays text', () => {
    const referenceId = '"><script>alert(1)</script>';
    const out = html`<p title="${referenceId}">${referenceId}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('escapes single quotes and backticks too', () => {
    expect(escapeHtml(`a'b\`c&d`)).toBe('a&#39;b&#96;c&amp;d');
  });

  it('nests safe fragments without escaping them twice', () => {
    const inner = html`<b>${'x<y'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>x&lt;y</b></p>');
  });

  it('joins arrays and renders null, undefined and false as nothing', () => {
    expect(html`${['<a>', html`<i></i>`]}|${null}|${undefined}|${false}|${0}`.value).toBe(
      '&lt;a&gt;<i></i>||||0',
    );
  });

  it('passes trusted markup through unchanged', () => {
    expect(html`${trustedHtml('<hr>')}`.value).toBe('<hr>');
  });
});
