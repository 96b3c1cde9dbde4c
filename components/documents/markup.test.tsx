import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DOCUMENT_STATE_LABELS, type DocumentDisplayState } from "@/lib/documents/labels";
import { DocumentStateBadge } from "./document-state-badge";
import { DocumentUploadField } from "./document-upload-field";

/* The documents' shared pieces as screen readers (and axe) read them. */

describe("DocumentStateBadge", () => {
  it("says each state in words, its mark hidden from screen readers: never by colour alone", () => {
    const states = Object.keys(DOCUMENT_STATE_LABELS) as DocumentDisplayState[];
    const marks = new Set<string>();
    for (const state of states) {
      const html = renderToStaticMarkup(<DocumentStateBadge state={state} />);
      expect(html).toContain(`<span>${DOCUMENT_STATE_LABELS[state]}</span>`);
      const mark = /<span aria-hidden="true">([^<]+)<\/span>/.exec(html)?.[1];
      expect(mark, state).toBeTruthy();
      marks.add(mark!);
    }
    // One mark per state, so that two states never look alike in black and white.
    expect(marks.size).toBe(states.length);
  });
});

describe("DocumentUploadField", () => {
  it("labels the plain file input (several files) and the camera input, and ties the hint and the error", () => {
    const html = renderToStaticMarkup(
      <DocumentUploadField label="RIB (PDF, JPEG ou PNG, 10 Mo maximum)" name="rib" error="Joignez votre RIB." />,
    );
    const input = /<input[^>]*multiple=""[^>]*>/.exec(html)?.[0] ?? "";
    const id = /id="([^"]+)"/.exec(input)?.[1];
    expect(html).toContain(`<label for="${id}">RIB (PDF, JPEG ou PNG, 10 Mo maximum)</label>`);
    expect(input).toContain('name="rib"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain(`aria-describedby="${id}-hint ${id}-error"`);
    expect(html).toContain(`<p class="field__error" id="${id}-error">Joignez votre RIB.</p>`);

    const camera = /<input[^>]*capture="environment"[^>]*>/.exec(html)?.[0] ?? "";
    expect(camera).toContain('accept="image/*"');
    expect(camera).toContain('name="rib"');
    expect(html).toContain(`<label for="${id}-camera">Prendre une photo</label>`);
  });

  it("has no error tie while there is no error", () => {
    const html = renderToStaticMarkup(
      <DocumentUploadField label="Certificat médical (facultatif)" name="certificate" />,
    );
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("-error");
  });
});
