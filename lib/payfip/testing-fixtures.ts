import { readFileSync } from "node:fs";

/* PayFiP's documented messages (fixtures/*.xml) and what they carry, for the messages' and the client's tests. */

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.xml`, import.meta.url), "utf8");

/** The idOp of the documented answers. */
export const ID_OP = "7f3c9a1e5b2d4c8f9a0b1c2d3e4f5a6b";

/** The régie's settings creer-paiement-securise-request was sent with. */
export const documentedRegie = { clientNumber: "012345", mode: "T" } as const;

/** The payment creer-paiement-securise-request asks for. */
export const documentedPayment = {
  exer: 2026,
  refdet: "F2026000412",
  amountCents: 8640,
  email: "famille.durand@example.fr",
  object: "Facture F2026 000412 Regie enfance jeunesse",
  notificationUrl: "https://portail.example.fr/api/paiement-en-ligne/notification",
  returnUrl:
    "https://portail.example.fr/api/paiement-en-ligne/retour?paiement=5d1f0c3e-8a2b-4c6d-9e0f-1a2b3c4d5e6f&essai=1",
} as const;
