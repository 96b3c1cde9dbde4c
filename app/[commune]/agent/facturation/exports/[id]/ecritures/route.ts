import { accountingExport } from "@/lib/billing/exports";
import { csvResponse } from "../csv-response";

type Context = { params: Promise<{ commune: string; id: string }> };

/** A run's invoice lines as CSV for the accounting software: the commune's staff only, 404 otherwise. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  return csvResponse(params, (db, scope) => accountingExport(db, scope));
}
