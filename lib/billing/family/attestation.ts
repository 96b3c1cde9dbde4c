/*
 * Attestation de frais de garde (crédit d'impôt for the childcare of children under 6): what a household paid in a
 * year for the childcare of its young children. Pure: the server reads the rows, this decides what counts.
 *
 * - Which children: those "de moins de 6 ans au 1er janvier" of the year, as the tax form words it — born on or
 *   after 1 January of (year − 6) ("nés à compter du 1.1.2021" for 2027).
 * - Which money: the live payment allocations received that year (a cancelled payment counts for nothing), each
 *   spread over its invoice's lines in proportion to their amounts; only the childcare lines of those children
 *   count. The spreading rounds cumulatively, so the shares of one allocation add up to it to the cent.
 */

export interface AttestationChild {
  id: string;
  name: string;
  /** "yyyy-MM-dd". */
  birthDate: string;
}

export interface AttestationLine {
  invoiceId: string;
  childId: string | null;
  amountCents: number;
  /** A childcare line (périscolaire, accueil de loisirs…); meals are not childcare. */
  childcare: boolean;
}

export interface AttestationAllocation {
  invoiceId: string;
  amountCents: number;
}

export interface AttestationResult {
  year: number;
  children: (AttestationChild & { paidCents: number })[];
  totalCents: number;
}

/** Under 6 on 1 January of the year, as the tax form counts it (born from 1 January of year − 6 on). */
export function isUnderSixOnFirstJanuary(birthDate: string, year: number): boolean {
  return birthDate >= `${String(year - 6).padStart(4, "0")}-01-01` && birthDate <= `${year}-12-31`;
}

/**
 * Splits `amount` over `weights` in proportion, rounding the running total so that the parts add up to `amount`
 * exactly (a weight may be negative: a régularisation line).
 */
export function prorate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return weights.map(() => 0);
  let cumulative = 0;
  let given = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = Math.round((amount * cumulative) / total);
    const part = upTo - given;
    given = upTo;
    return part;
  });
}

export function computeChildcareAttestation(input: {
  year: number;
  children: readonly AttestationChild[];
  lines: readonly AttestationLine[];
  allocations: readonly AttestationAllocation[];
}): AttestationResult {
  const young = input.children
    .filter((child) => isUnderSixOnFirstJanuary(child.birthDate, input.year))
    .sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.id.localeCompare(b.id));
  const linesByInvoice = new Map<string, AttestationLine[]>();
  for (const line of input.lines)
    linesByInvoice.set(line.invoiceId, [...(linesByInvoice.get(line.invoiceId) ?? []), line]);

  const paid = new Map<string, number>(young.map((c) => [c.id, 0]));
  for (const allocation of input.allocations) {
    const lines = linesByInvoice.get(allocation.invoiceId) ?? [];
    // One weight per young child (their childcare lines), the rest of the invoice last.
    const weights = young.map((child) =>
      lines.filter((l) => l.childcare && l.childId === child.id).reduce((sum, l) => sum + l.amountCents, 0),
    );
    const counted = weights.reduce((sum, w) => sum + w, 0);
    const invoiceTotal = lines.reduce((sum, l) => sum + l.amountCents, 0);
    if (counted === 0 || invoiceTotal <= 0) continue;
    const parts = prorate(allocation.amountCents, [...weights, invoiceTotal - counted]);
    for (const [index, child] of young.entries()) paid.set(child.id, paid.get(child.id)! + parts[index]!);
  }
  const children = young.map((child) => ({ ...child, paidCents: Math.max(0, paid.get(child.id)!) }));
  return { year: input.year, children, totalCents: children.reduce((sum, c) => sum + c.paidCents, 0) };
}
