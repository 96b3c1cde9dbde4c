import { REQUEST_TYPES } from "@/lib/requests/types";

/** "Type de demande" of the request filters (family and agent), from the one table of request types. */
export function RequestTypeSelect({ value }: { value: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor="filtre-type">Type de demande</label>
      <select id="filtre-type" name="type" defaultValue={value ?? ""}>
        <option value="">Tous les types</option>
        {Object.entries(REQUEST_TYPES).map(([code, def]) => (
          <option key={code} value={code}>
            {def.label}
          </option>
        ))}
      </select>
    </div>
  );
}
