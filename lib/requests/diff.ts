import type { FieldDef, Vaccination } from "@/lib/family-file/fields";
import { formatDate } from "@/lib/format";
import { normalizeFrenchPhone } from "@/lib/validation/french-phone";
import { maskIban, normalizeIban } from "@/lib/validation/iban";

/** One changed field, as the agent's before/after view and the family's yellow highlight show it. */
export interface FieldChange {
  key: string;
  label: string;
  before: unknown;
  after: unknown;
  beforeText: string;
  afterText: string;
}

const EMPTY_TEXT = "Non renseigné";

/**
 * The value as stored and compared: text trimmed ("" and blanks become null), phones in their national form,
 * IBANs compact, tick-box lists sorted without duplicates, vaccinations trimmed and sorted by date.
 */
export function normalizeFieldValue(def: FieldDef, value: unknown): unknown {
  if (value === undefined || value === null) return def.kind === "choices" || def.kind === "vaccinations" ? [] : null;
  switch (def.kind) {
    case "boolean":
      return Boolean(value);
    case "choices":
      return Array.isArray(value) ? [...new Set(value.map(String))].sort() : [];
    case "vaccinations":
      return Array.isArray(value)
        ? (value as Vaccination[])
            .map((v) => ({ name: String(v.name ?? "").trim(), date: String(v.date ?? "") }))
            .filter((v) => v.name)
            .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, "fr"))
        : [];
    case "iban": {
      const iban = normalizeIban(String(value));
      return iban || null;
    }
    case "phone": {
      const text = String(value).trim();
      return text ? (normalizeFrenchPhone(text) ?? text) : null;
    }
    default: {
      const text = String(value).trim();
      return text || null;
    }
  }
}

/** Equal up to whitespace: "Jean  Pierre" and "Jean Pierre" are the same value. */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "string" ? x.replace(/\s+/g, " ") : x));
  return canonical(a) === canonical(b);
}

/** How a value reads for a person: "Oui", "12/03/2019", "FR76 •••• … 189" (IBANs are never shown whole). */
export function formatFieldValue(def: FieldDef, value: unknown): string {
  const v = normalizeFieldValue(def, value);
  switch (def.kind) {
    case "boolean":
      return v === null ? EMPTY_TEXT : v ? "Oui" : "Non";
    case "date":
      return v === null ? EMPTY_TEXT : formatDate(String(v));
    case "choice":
      return v === null ? EMPTY_TEXT : (def.options?.[String(v)] ?? String(v));
    case "choices": {
      const codes = v as string[];
      return codes.length ? codes.map((c) => def.options?.[c] ?? c).join(", ") : "Aucune";
    }
    case "vaccinations": {
      const list = v as Vaccination[];
      return list.length
        ? list.map((x) => (x.date ? `${x.name} (${formatDate(x.date)})` : x.name)).join(", ")
        : "Aucun";
    }
    case "iban":
      return v === null ? EMPTY_TEXT : maskIban(String(v));
    default:
      return v === null ? EMPTY_TEXT : String(v);
  }
}

/**
 * The fields whose proposed value differs from the validated one. A key absent from `proposed` (or undefined)
 * is not part of the change; null vs "" vs blanks, reordered tick boxes or a phone typed differently are no change.
 */
export function diffFields(
  defs: readonly FieldDef[],
  validated: Record<string, unknown> | null | undefined,
  proposed: Record<string, unknown>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const def of defs) {
    if (!Object.hasOwn(proposed, def.key) || proposed[def.key] === undefined) continue;
    const before = normalizeFieldValue(def, validated?.[def.key]);
    const after = normalizeFieldValue(def, proposed[def.key]);
    if (sameValue(before, after)) continue;
    changes.push({
      key: def.key,
      label: def.label,
      before,
      after,
      beforeText: formatFieldValue(def, before),
      afterText: formatFieldValue(def, after),
    });
  }
  return changes;
}

/** The payload and before snapshot a change request stores: only the changed fields, normalized. */
export function changeSnapshots(changes: readonly FieldChange[]): {
  payload: Record<string, unknown>;
  before: Record<string, unknown>;
} {
  return {
    payload: Object.fromEntries(changes.map((c) => [c.key, c.after])),
    before: Object.fromEntries(changes.map((c) => [c.key, c.before])),
  };
}
