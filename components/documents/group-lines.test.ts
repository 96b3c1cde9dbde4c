import { describe, expect, it } from "vitest";
import type { DocumentLine } from "@/lib/documents/household-documents";
import { groupDocumentLines } from "./group-lines";

const type = (id: string, audience: "household" | "child" | "request") => ({
  id,
  code: id,
  label: id,
  description: null,
  audience,
  required: true,
  isHealth: false,
});
const lea = { id: "c1", firstName: "Léa", lastName: "MARTIN" };
const hugo = { id: "c2", firstName: "Hugo", lastName: "MARTIN" };
const line = (t: ReturnType<typeof type>, child: typeof lea | null = null): DocumentLine => ({
  type: t,
  child,
  current: null,
  display: "missing",
  toProvide: true,
});

describe("groupDocumentLines", () => {
  it("puts the household's lines, each child's (in their order) and the requests' apart", () => {
    const domicile = line(type("domicile", "household"));
    const assuranceLea = line(type("assurance", "child"), lea);
    const assuranceHugo = line(type("assurance", "child"), hugo);
    const vaccinsLea = line(type("vaccins", "child"), lea);
    const rib = line(type("rib", "request"));
    const groups = groupDocumentLines([domicile, assuranceLea, assuranceHugo, vaccinsLea, rib]);
    expect(groups.household).toEqual([domicile]);
    expect(groups.children).toEqual([
      { child: lea, lines: [assuranceLea, vaccinsLea] },
      { child: hugo, lines: [assuranceHugo] },
    ]);
    expect(groups.withRequests).toEqual([rib]);
  });

  it("keeps a child's certificate handed in with a request among the requests' documents", () => {
    const certificate = line(type("certificat", "request"), lea);
    expect(groupDocumentLines([certificate])).toEqual({ household: [], children: [], withRequests: [certificate] });
  });
});
