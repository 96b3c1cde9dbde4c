"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { transmitToTreasurySchema } from "@/lib/billing/money-schemas";
import { transmitToTreasury } from "@/lib/billing/treasury";
import { routePatterns } from "@/lib/routes/paths";

/** "Transmettre en trésorerie" the ticked invoices: only those still eligible today are transmitted. */
export const transmitToTreasuryAction = userAction(
  { schema: transmitToTreasurySchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const { count } = await transmitToTreasury(db, {
      communeId: commune.id,
      invoiceIds: input.invoiceIds,
      userId: user.id,
    });
    if (count === 0) return failure("Aucune des factures sélectionnées n'est plus à transmettre en trésorerie.");
    revalidatePath(routePatterns.agentBilling, "layout");
    revalidatePath(routePatterns.household, "page");
    revalidatePath(routePatterns.billing, "layout");
    const skipped = input.invoiceIds.length - count;
    return success(
      `${count} facture(s) transmise(s) en trésorerie.${skipped > 0 ? ` ${skipped} facture(s) n'étaient plus à transmettre.` : ""}`,
    );
  },
);
