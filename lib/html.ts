/*
 * HTML written as text, for the few responses that are not React pages (the PayFiP simulator's card page) and the
 * mails filled after rendering. Every value put in a `html` template is escaped unless it is itself built by `html`.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text made safe for an element's content and for a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A piece of markup built by `html`: put in another template as is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Interpolated = string | number | Html | readonly Html[] | null | undefined | false;

function piece(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map((fragment: Html) => fragment.markup).join("");
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: strings and numbers escaped, Html pieces kept, null / undefined / false left out. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): Html {
  let markup = strings[0] ?? "";
  for (const [index, value] of values.entries()) markup += piece(value) + strings[index + 1];
  return new Html(markup);
}
