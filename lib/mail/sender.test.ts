import { describe, expect, it } from "vitest";
import { mailSender, senderAddress } from "./sender";

describe("mail sender", () => {
  it("takes MAIL_FROM's address, bracketed or bare", () => {
    expect(senderAddress("Portail Famille <nepasrepondre@portail.fr>")).toBe("nepasrepondre@portail.fr");
    expect(senderAddress(" nepasrepondre@portail.fr ")).toBe("nepasrepondre@portail.fr");
  });

  it("sends in the commune's name from MAIL_FROM's address", () => {
    expect(mailSender("Ville de Démo", "Portail Famille <nepasrepondre@portail.fr>")).toBe(
      '"Ville de Démo" <nepasrepondre@portail.fr>',
    );
  });

  it("quotes what would break the header and keeps it on one line", () => {
    expect(mailSender('Mairie "La Roche", \\ Nord\r\nBcc: x@y.fr', "a@b.fr")).toBe(
      '"Mairie \\"La Roche\\", \\\\ Nord Bcc: x@y.fr" <a@b.fr>',
    );
  });

  it("keeps MAIL_FROM as it is without a name", () => {
    expect(mailSender(null, "Portail <a@b.fr>")).toBe("Portail <a@b.fr>");
    expect(mailSender("  ", "a@b.fr")).toBe("a@b.fr");
  });
});
