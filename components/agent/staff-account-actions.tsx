import {
  resendStaffInvitationAction,
  resetStaffSecondFactorAction,
  setStaffAccountStatusAction,
} from "@/app/[commune]/agent/comptes/actions";
import type { User } from "@/db/schema";
import { InlineActionForm } from "./inline-action-form";
import styles from "./staff-account-actions.module.css";

type Account = Pick<User, "id" | "firstName" | "lastName" | "status"> & { secondFactorSince: Date | null };

/** The buttons an admin has on another staff account's row, depending on its status. */
export function StaffAccountActions({ slug, account }: { slug: string; account: Account }) {
  const name = `${account.firstName} ${account.lastName}`;
  return (
    <div className={styles.actions}>
      {account.status === "pending" ? (
        <InlineActionForm
          slug={slug}
          action={resendStaffInvitationAction}
          fields={{ userId: account.id }}
          label="Renvoyer l'invitation"
          accessibleLabel={`Renvoyer l'invitation à ${name}`}
        />
      ) : null}
      {account.status === "disabled" ? (
        <InlineActionForm
          slug={slug}
          action={setStaffAccountStatusAction}
          fields={{ userId: account.id, status: "active" }}
          label="Réactiver"
          accessibleLabel={`Réactiver le compte de ${name}`}
        />
      ) : (
        <InlineActionForm
          slug={slug}
          action={setStaffAccountStatusAction}
          fields={{ userId: account.id, status: "disabled" }}
          label="Désactiver"
          accessibleLabel={`Désactiver le compte de ${name}`}
          danger
        />
      )}
      {account.secondFactorSince ? (
        <InlineActionForm
          slug={slug}
          action={resetStaffSecondFactorAction}
          fields={{ userId: account.id }}
          label="Réinitialiser la double authentification"
          accessibleLabel={`Réinitialiser la double authentification de ${name}`}
          danger
        />
      ) : null}
    </div>
  );
}
