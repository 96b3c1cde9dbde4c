import { describe, expect, it } from "vitest";
import { buildCsv, CSV_BOM, csvAmount, csvText } from "./csv";

describe("csvText", () => {
  it("leaves plain text as it is, accents included", () => {
    expect(csvText("Léa MARTIN")).toBe("Léa MARTIN");
    expect(csvText("1/Péri MATIN — École Jules Ferry")).toBe("1/Péri MATIN — École Jules Ferry");
    expect(csvText("")).toBe("");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvText("Mairie; 1 place")).toBe('"Mairie; 1 place"');
    expect(csvText('Le "Club"')).toBe('"Le ""Club"""');
    expect(csvText("12 rue des Écoles\n38330 Démo")).toBe('"12 rue des Écoles\n38330 Démo"');
  });

  it("defuses what a spreadsheet would run as a formula", () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvText("+33 6 12")).toBe("'+33 6 12");
    expect(csvText("-2+3")).toBe("'-2+3");
    expect(csvText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvText("\t=1")).toBe("'\t=1");
    expect(csvText("\r=1")).toBe('"\'\r=1"');
    // Only the first character matters.
    expect(csvText("MARTIN-AB")).toBe("MARTIN-AB");
  });
});

describe("csvAmount", () => {
  it("writes cents with a decimal comma, negatives included", () => {
    expect(csvAmount(185)).toBe("1,85");
    expect(csvAmount(5)).toBe("0,05");
    expect(csvAmount(0)).toBe("0,00");
    expect(csvAmount(123456789)).toBe("1234567,89");
    expect(csvAmount(-370)).toBe("-3,70");
    expect(() => csvAmount(1.5)).toThrow();
  });
});

describe("buildCsv", () => {
  it("starts with the BOM, separates with semicolons and ends every row with CRLF", () => {
    const csv = buildCsv(
      ["Nom", "Quantité", "Montant", "Note"],
      [
        ["Léa", 3, { cents: 555 }, null],
        ["=cmd", -2, { cents: -370 }, "a;b"],
      ],
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toBe(`${CSV_BOM}Nom;Quantité;Montant;Note\r\nLéa;3;5,55;\r\n'=cmd;-2;-3,70;"a;b"\r\n`);
  });

  it("refuses a number that is not whole (amounts go as cents)", () => {
    expect(() => buildCsv(["x"], [[1.5]])).toThrow();
  });

  it("encodes to UTF-8 with the BOM's three bytes first", () => {
    const bytes = new TextEncoder().encode(buildCsv(["É"], []));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
