import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DocumentViewer, describeFormat, formatFileSize } from "./document-viewer";

const links = {
  inlineHref: "/demo/agent/pieces-justificatives/d1/fichier?affichage=1",
  downloadHref: "/demo/agent/pieces-justificatives/d1/fichier",
};

describe("the review page's viewer", () => {
  it("frames a PDF under a title, with its download link", () => {
    const html = renderToStaticMarkup(
      <DocumentViewer
        name="RIB, la famille MARTIN"
        mediaType="application/pdf"
        pageCount={2}
        sizeBytes={90_000}
        {...links}
      />,
    );
    expect(html).toMatch(/<iframe[^>]*src="\/demo\/agent\/pieces-justificatives\/d1\/fichier\?affichage=1"/);
    expect(html).toMatch(/<iframe[^>]*title="Aperçu : RIB, la famille MARTIN"/);
    expect(html).not.toContain("<img");
    expect(html).toContain(
      '<a href="/demo/agent/pieces-justificatives/d1/fichier" download="">Télécharger le document (PDF, 2 pages, 88 Ko)</a>',
    );
  });

  it("shows an image as itself, named by its text alternative", () => {
    const html = renderToStaticMarkup(
      <DocumentViewer
        name="Attestation CAF, la famille MARTIN"
        mediaType="image/png"
        pageCount={null}
        sizeBytes={2_500_000}
        {...links}
      />,
    );
    expect(html).toMatch(/<img[^>]*alt="Attestation CAF, la famille MARTIN"/);
    expect(html).toMatch(/<img[^>]*src="\/demo\/agent\/pieces-justificatives\/d1\/fichier\?affichage=1"/);
    expect(html).not.toContain("<iframe");
    expect(html).toContain("(Image PNG, 2,4 Mo)");
  });
});

describe("file descriptions", () => {
  it("says the format and size as a person reads them", () => {
    expect(describeFormat("application/pdf", 1)).toBe("PDF, 1 page");
    expect(describeFormat("application/pdf", null)).toBe("PDF");
    expect(describeFormat("image/jpeg", null)).toBe("Image JPEG");
    expect(formatFileSize(10)).toBe("1 Ko");
    expect(formatFileSize(1024 * 1024)).toBe("1 Mo");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10 Mo");
  });
});
