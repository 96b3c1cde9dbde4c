import { describe, expect, it } from "vitest";
import { formData } from "@/lib/testing/harness";
import { defaultCardFormValues, readCardForm } from "./card-form";

const submitted = (fields: Record<string, string | boolean>) => readCardForm(formData(fields));
const defaults = { montant: "86,40", delai: "0", deuxNotifications: true };

describe("readCardForm", () => {
  it("shows the amount asked, a result known at once and two notifications first", () => {
    expect(defaultCardFormValues(8640)).toEqual({ amount: "86,40", delayMinutes: "0", notifyTwice: true });
  });

  it("reads each button as PayFiP's result, the return to the portal but for one", () => {
    const decision = (choix: string) => {
      const reading = submitted({ ...defaults, choix });
      return reading?.ok ? reading.decision : reading;
    };
    expect(decision("payer")).toEqual({
      resultCode: "P",
      paidCents: 8640,
      resultDelayMs: 0,
      notifications: 2,
      comesBack: true,
    });
    expect(decision("refuser")).toMatchObject({ resultCode: "R", paidCents: undefined, comesBack: true });
    expect(decision("abandonner")).toMatchObject({ resultCode: "A", paidCents: undefined, comesBack: true });
    expect(decision("payer-sans-revenir")).toMatchObject({ resultCode: "P", paidCents: 8640, comesBack: false });
  });

  it("takes the simulator's options: another amount, a delay, one notification", () => {
    expect(submitted({ choix: "payer", montant: "50", delai: "20" })).toEqual({
      ok: true,
      decision: { resultCode: "P", paidCents: 5000, resultDelayMs: 20 * 60_000, notifications: 1, comesBack: true },
    });
  });

  it("answers a wrong option beside its field, in French, and keeps what was typed", () => {
    expect(submitted({ choix: "payer", montant: "0", delai: "121", deuxNotifications: true })).toEqual({
      ok: false,
      values: { amount: "0", delayMinutes: "121", notifyTwice: true },
      errors: {
        amount: "Le montant débité doit être supérieur à 0 €.",
        delayMinutes: "Le délai doit être un nombre entier de minutes, de 0 à 120.",
      },
    });
    const errors = (fields: Record<string, string>) => {
      const reading = submitted({ ...defaults, ...fields });
      return reading && !reading.ok ? reading.errors : {};
    };
    expect(errors({ choix: "payer", montant: "douze" }).amount).toMatch(/^Le montant débité doit être un montant/);
    expect(errors({ choix: "payer", montant: "100 000,01" }).amount).toBe(
      "Le montant débité ne doit pas dépasser 100000,00 €.",
    );
    for (const delai of ["", "-1", "1.5", "2 h"]) expect(errors({ choix: "refuser", delai }).delayMinutes).toBeTruthy();
  });

  it("does not look at the amount of a refusal or an abandon", () => {
    expect(submitted({ choix: "refuser", montant: "n'importe quoi", delai: "0" })).toMatchObject({ ok: true });
  });

  it("is not a submission of the page without one of its buttons", () => {
    for (const choix of ["", "toString", "PAYER"]) expect(submitted({ ...defaults, choix })).toBeNull();
    expect(readCardForm(formData(defaults))).toBeNull();
  });
});
