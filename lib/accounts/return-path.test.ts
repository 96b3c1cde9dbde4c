import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a page of the same commune, with its query", () => {
    expect(safeReturnPath("demo", "/demo/espace-famille")).toBe("/demo/espace-famille");
    expect(safeReturnPath("demo", "/demo/espace-facturation?annee=2026")).toBe("/demo/espace-facturation?annee=2026");
  });

  it.each([
    undefined,
    "",
    "/autre/espace-famille",
    "/demo",
    "//evil.example/demo/",
    "/demo//evil.example",
    "https://evil.example/demo/x",
    "/demo/\\evil.example",
    "/demo/../autre/x",
    "/demo/x\n",
    "javascript:alert(1)",
  ])("refuses %j", (retour) => {
    expect(safeReturnPath("demo", retour)).toBeNull();
  });
});
