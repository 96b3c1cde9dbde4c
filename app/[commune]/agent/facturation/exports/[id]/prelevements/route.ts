import { directDebitExport } from "@/lib/billing/exports";
import { csvResponse } from "../csv-response";

type Context = { params: Promise<{ commune: string; id: string }> };

/** A run's direct-debit batch (whole IBANs, each download audited): the commune's staff only, 404 otherwise. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  return csvResponse(params, (db, scope) => directDebitExport(db, scope));
}
