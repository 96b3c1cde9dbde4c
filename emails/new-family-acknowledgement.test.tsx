import { render, toPlainText } from "@react-email/render";
import { describe, expect, it } from "vitest";
import NewFamilyAcknowledgement from "./new-family-acknowledgement";

describe("new-family acknowledgement mail", () => {
  it("names the parent, gives the reference, the children and their services, and links to Mes demandes", async () => {
    const text = toPlainText(await render(<NewFamilyAcknowledgement {...NewFamilyAcknowledgement.PreviewProps} />));
    expect(text).toContain("Bonjour Mme Inès NOUVELLE,");
    expect(text).toContain("Votre demande de pré-inscription D2027-000042 réalisée le 11/01/2027 à 09:00");
    expect(text).toContain("Restauration scolaire (cantine), Périscolaire du soir");
    expect(text).toContain("Aucun");
    expect(text).toContain("/demo/mon-espace-citoyen/mes-demandes");
    expect(text).not.toMatch(/undefined|null|NaN/);
  });
});
