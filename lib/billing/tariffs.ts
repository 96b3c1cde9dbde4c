import type { TariffBracket } from "@/db/schema/billing";
import type { IsoDay } from "@/lib/planning/days";

/*
 * The price of one slot: the activity's tariff in force that day (the latest validFrom on or before it), then the
 * household's quotient familial bracket, or the tariff's default price when the QF is unknown.
 */

export type TariffPrices = { validFrom: IsoDay; brackets: readonly TariffBracket[]; defaultUnitCents: number };

/** The tariff in force on `day`: the latest validFrom ≤ day; null before the first one. */
export function tariffOn<T extends Pick<TariffPrices, "validFrom">>(tariffs: readonly T[], day: IsoDay): T | null {
  let chosen: T | null = null;
  for (const tariff of tariffs)
    if (tariff.validFrom <= day && (!chosen || tariff.validFrom > chosen.validFrom)) chosen = tariff;
  return chosen;
}

// A run prices every slot of a month with the same few tariffs: each one's brackets are sorted once.
const sorted = new WeakMap<readonly TariffBracket[], TariffBracket[]>();

/** Brackets by ceiling, ascending; the open bracket (no ceiling) last. */
export function sortedBrackets(brackets: readonly TariffBracket[]): TariffBracket[] {
  let result = sorted.get(brackets);
  if (!result) {
    result = sortBrackets(brackets);
    sorted.set(brackets, result);
  }
  return result;
}

function sortBrackets(brackets: readonly TariffBracket[]): TariffBracket[] {
  return [...brackets].sort((a, b) => {
    if (a.upToQuotient === null) return b.upToQuotient === null ? 0 : 1;
    if (b.upToQuotient === null) return -1;
    return a.upToQuotient - b.upToQuotient;
  });
}

export type UnitPrice = {
  unitCents: number /** the QF is unknown (or above every bracket): the default price */;
  byDefault: boolean;
};

/**
 * The unit price for a quotient familial: the first bracket whose ceiling is at or above it (ceilings are
 * inclusive: a QF of 600 is in "jusqu'à 600"). The default price when the QF is null, or — a tariff without an
 * open bracket — above every ceiling.
 */
export function bracketPrice(tariff: Omit<TariffPrices, "validFrom">, familyQuotient: number | null): UnitPrice {
  if (familyQuotient !== null) {
    const bracket = sortedBrackets(tariff.brackets).find(
      (b) => b.upToQuotient === null || familyQuotient <= b.upToQuotient,
    );
    if (bracket) return { unitCents: bracket.unitCents, byDefault: false };
  }
  return { unitCents: tariff.defaultUnitCents, byDefault: true };
}

/** The price of a slot on `day`; null when the activity has no tariff in force (the run reports an anomaly). */
export function slotPrice(
  tariffs: readonly TariffPrices[],
  day: IsoDay,
  familyQuotient: number | null,
): UnitPrice | null {
  const tariff = tariffOn(tariffs, day);
  return tariff ? bracketPrice(tariff, familyQuotient) : null;
}
