import { describe, expect, it } from "vitest";
import { linksOf } from "./local-mailbox";

describe("linksOf", () => {
  it("lists each link of a plain-text mail once, without trailing brackets", () => {
    const text =
      "Confirmer [http://localhost:3000/demo/activation?jeton=abc]\nou http://localhost:3000/demo/activation?jeton=abc\n(https://x.fr/a)";
    expect(linksOf(text)).toEqual(["http://localhost:3000/demo/activation?jeton=abc", "https://x.fr/a"]);
  });
});
