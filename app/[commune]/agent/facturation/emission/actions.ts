"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { monthLabel, parseMonthValue } from "@/lib/billing/periods";
import { issueRun } from "@/lib/billing/run/issue";
import { issueRunSchema } from "@/lib/billing/run/schemas";
import { formatEuros } from "@/lib/format";
import { routePatterns } from "@/lib/routes/paths";

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** "Émettre les factures" of a régie's month, once: a second click, or another agent's, issues nothing. */
export const issueRunAction = userAction(
  { schema: issueRunSchema, roles: staffRoles },
  async ({ regieId, month }, { db, commune, user }) => {
    const period = parseMonthValue(month)!;
    const label = monthLabel(period);
    const result = await issueRun(db, { communeId: commune.id, regieId, period, userId: user.id });
    if (!result.ok) {
      switch (result.reason) {
        case "regie_not_found":
          return fieldFailure("regieId", "Régie introuvable.");
        case "future_month":
          return fieldFailure(
            "month",
            `Le mois de ${label} n'est pas commencé : ses factures ne peuvent pas être émises.`,
          );
        case "already_issued":
          return failure(`Les factures de ${label} sont déjà émises.`);
        case "nothing_to_invoice":
          return failure(`Aucune facture à émettre pour ${label} : rien n'a été enregistré.`);
      }
    }
    revalidatePath(routePatterns.agentBilling, "layout");
    const { invoiceCount, totalCents } = result.run;
    const mails = result.mailCount
      ? ` ${plural(result.mailCount, "famille a été prévenue", "familles ont été prévenues")} par e-mail.`
      : "";
    return success(
      `Les factures de ${label} sont émises : ${plural(invoiceCount, "facture", "factures")} pour un total de ${formatEuros(totalCents)}.${mails}`,
    );
  },
);
