import type { Tariff } from "@/db/schema/billing";
import { formatDate, formatEuros } from "@/lib/format";

/** "depuis le 01/09/2026 : de 1,00 € à 4,70 € (4 tranches)": a tariff in one line of a table. */
export function describeTariff(tariff: Pick<Tariff, "validFrom" | "brackets" | "defaultUnitCents">): string {
  const prices = [...tariff.brackets.map((b) => b.unitCents), tariff.defaultUnitCents];
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const range = low === high ? formatEuros(low) : `de ${formatEuros(low)} à ${formatEuros(high)}`;
  const count = tariff.brackets.length;
  return `depuis le ${formatDate(tariff.validFrom)} : ${range} (${count} tranche${count > 1 ? "s" : ""})`;
}
