import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "./html";

describe("html", () => {
  it("escapes every value put in it, for element content and quoted attributes", () => {
    const value = `"><script>alert('x')</script>&`;
    expect(html`<a title="${value}">${value}</a>`.markup).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&amp;</a>',
    );
    expect(escapeHtml("a & b")).toBe("a &amp; b");
  });

  it("keeps the pieces it built, joins lists of them and leaves out null, undefined and false", () => {
    const items = ["<1>", "2"].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.markup).toBe(
      "<ul><li>&lt;1&gt;</li><li>2</li></ul>0",
    );
  });
});
