import { describe, expect, it } from "vitest";
import { type LedgerEntry, withRunningBalance } from "./ledger";

const at = (n: number) => new Date(Date.UTC(2027, 0, 1, 0, 0, n));
const entry = (over: Partial<LedgerEntry> & Pick<LedgerEntry, "kind" | "day" | "reference">): LedgerEntry => ({
  id: over.reference,
  label: over.reference,
  debitCents: 0,
  creditCents: 0,
  recordedAt: at(0),
  invoiceId: null,
  ...over,
});

const entries: LedgerEntry[] = [
  entry({ kind: "payment", day: "2027-02-10", reference: "OP2", creditCents: 3000, recordedAt: at(5) }),
  entry({ kind: "invoice", day: "2027-01-05", reference: "F1", debitCents: 8640 }),
  entry({ kind: "invoice", day: "2027-02-05", reference: "F2", debitCents: 5000 }),
  // Received the day the second invoice was issued, written before it: still after it in the ledger.
  entry({ kind: "payment", day: "2027-02-05", reference: "OP1", creditCents: 8640, recordedAt: at(-10) }),
  entry({ kind: "credit_note", day: "2027-03-01", reference: "AV1", creditCents: 2000 }),
];

describe("withRunningBalance", () => {
  it("runs the balance oldest first, invoices before what settles them on the same day", () => {
    expect(withRunningBalance(entries, "asc").map((l) => [l.reference, l.balanceCents])).toEqual([
      ["F1", 8640],
      ["F2", 13640],
      ["OP1", 5000],
      ["OP2", 2000],
      ["AV1", 0],
    ]);
  });

  it("shows the same balances newest first", () => {
    const asc = withRunningBalance(entries, "asc");
    const desc = withRunningBalance(entries, "desc");
    expect(desc.map((l) => l.reference)).toEqual(["AV1", "OP2", "OP1", "F2", "F1"]);
    expect(desc).toEqual([...asc].reverse());
  });

  it("ties on the instant, then the reference", () => {
    const lines = withRunningBalance(
      [
        entry({ kind: "invoice", day: "2027-01-05", reference: "F3", debitCents: 100, recordedAt: at(2) }),
        entry({ kind: "invoice", day: "2027-01-05", reference: "F2", debitCents: 100, recordedAt: at(2) }),
        entry({ kind: "invoice", day: "2027-01-05", reference: "F1", debitCents: 100, recordedAt: at(3) }),
      ],
      "asc",
    );
    expect(lines.map((l) => l.reference)).toEqual(["F2", "F3", "F1"]);
    expect(withRunningBalance([], "desc")).toEqual([]);
  });
});
