/**
 * HTML that is safe to put on a page as is: either our own markup or text that went through {@link escapeHtml}.
 * Only {@link html} and {@link trustedHtml} make one, so a string cannot reach a page unescaped by accident.
 */
export class SafeHtml {
  /** @param value - markup already known to be safe */
  constructor(readonly value: string) {}

  /** The markup. */
  toString(): string {
    return this.value;
  }
}

/** What {@link html} accepts between its literal parts; `null`, `undefined` and `false` render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ENTITIES[char] ?? char);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Template tag for page markup: every interpolated value is escaped unless it is already {@link SafeHtml}.
 *
 * @example
 * ```ts
 * html`<p>Reference: ${referenceId}</p>` // referenceId is attacker-controlled and gets escaped
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Marks markup we wrote ourselves (never user input) as safe. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
