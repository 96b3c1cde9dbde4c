import type { Db } from "@/db/client";
import { insertBillingFamily, insertInvoice, insertRegie } from "@/lib/billing/testing-fixtures";
import { SIMULATOR_BASE_PATH } from "@/lib/payfip/simulator/testing";
import { insertCommune } from "./fixtures";

/**
 * For the tests of Payer en ligne: a commune whose régie takes card payments through the portal's own PayFiP
 * simulator, and a subscribed household (MARTIN) with an invoice of 86,40 € of that régie. The tests route the
 * portal's calls to the simulator in process (inProcessSimulatorFetch), so both sides speak PayFiP's real XML.
 */
export async function insertOnlinePayer(db: Db) {
  const commune = await insertCommune(db);
  const regie = await insertRegie(db, {
    communeId: commune.id,
    payfipClientNumber: "012345",
    payfipMode: "T",
    payfipServiceUrl: SIMULATOR_BASE_PATH,
  });
  const martin = await insertBillingFamily(db, commune.id, "MARTIN");
  const invoice = await insertInvoice(db, { ...martin.scope, regieId: regie.id, amountCents: 8640 });
  return { commune, regie, martin, invoice };
}
