import "server-only";
import type { Regie } from "@/db/schema";
import { env } from "@/lib/env";
import { type PayfipService, payfipService } from "@/lib/payfip/client";
import { PayfipFault, PayfipUnavailableError } from "@/lib/payfip/errors";

/** The PayFiP web service of a régie; tests pass one that speaks to the simulator in process. */
export type PayfipServiceFor = (
  regie: Pick<Regie, "payfipClientNumber" | "payfipMode" | "payfipServiceUrl">,
) => PayfipService;

/** The régie's configured service (a path is this portal's own simulator, resolved against APP_URL). */
export const defaultPayfipServiceFor: PayfipServiceFor = (regie) =>
  payfipService(
    // Only an attempt's result is asked of a régie that may have lost its client number since: that needs none.
    { clientNumber: regie.payfipClientNumber ?? "", mode: regie.payfipMode, serviceUrl: regie.payfipServiceUrl },
    { appUrl: env.APP_URL },
  );

/** What the agents read of a failed call ("P5 : …", "Service injoignable : …"); unexpected errors are logged too. */
export function serviceErrorText(error: unknown): string {
  if (error instanceof PayfipFault) return `${error.code} : ${error.label}`.slice(0, 500);
  if (error instanceof PayfipUnavailableError) return `Service injoignable : ${error.message}`.slice(0, 500);
  console.error("PayFiP call failed unexpectedly", error);
  return `Erreur : ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
}
