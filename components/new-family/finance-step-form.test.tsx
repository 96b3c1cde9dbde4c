import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { FinanceStep } from "@/lib/new-family/schemas";
import { FinanceStepForm } from "./finance-step-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined }) }));

/* The direct-debit step's RIB field, as the page hands it what the commune asks and what the account handed in. */

const RIB_LABEL = "RIB (PDF, JPEG ou PNG, 10 Mo maximum)";

const saved = (directDebit: boolean): FinanceStep => ({
  payer: 1,
  benefitScheme: null,
  allocataire: null,
  allocataireNumber: null,
  directDebit,
  iban: directDebit ? "FR7630006000011234567890189" : null,
  bic: directDebit ? "AGRIFRPP" : null,
  holderName: directDebit ? "Nadia LAMBERT" : null,
});

function render(directDebit: boolean, rib: { required: boolean; storedFileName: string | null } | null) {
  return renderToStaticMarkup(
    <FinanceStepForm
      action={async () => null}
      saved={saved(directDebit)}
      guardians={[{ rank: 1, name: "Nadia LAMBERT" }]}
      nextHref="/demo/espace-famille/pre-inscription/reservations"
      rib={rib}
    />,
  );
}

const ribInput = (html: string) => /<input[^>]*multiple=""[^>]*name="rib"[^>]*>/.exec(html)?.[0] ?? "";

describe("FinanceStepForm's RIB", () => {
  it("asks for the RIB with the direct debit, required while none is handed in", () => {
    const html = render(true, { required: true, storedFileName: null });
    expect(html).toContain(RIB_LABEL);
    expect(ribInput(html)).toContain('required=""');
    expect(html).not.toContain("RIB déposé");
  });

  it("shows the RIB handed in and offers to replace it, without asking again", () => {
    const html = render(true, { required: true, storedFileName: "RIB - LAMBERT.pdf" });
    expect(html).toContain("RIB déposé : <strong>RIB - LAMBERT.pdf</strong>");
    expect(html).toContain("Pour le remplacer");
    expect(ribInput(html)).not.toBe("");
    expect(ribInput(html)).not.toContain("required");
  });

  it("has no RIB field without direct debit, nor when the commune asks for no RIB", () => {
    expect(ribInput(render(false, { required: true, storedFileName: null }))).toBe("");
    expect(render(false, { required: true, storedFileName: null })).not.toContain(RIB_LABEL);
    expect(render(true, null)).not.toContain(RIB_LABEL);
  });
});
