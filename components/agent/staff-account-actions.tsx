import type { User } from "@/db/schema";
import type { FormAction } from "@/lib/actions/state";
import { InlineActionForm } from "./inline-action-form";
import styles from "./staff-account-actions.module.css";

type Account = Pick<User, "id" | "firstName" | "lastName" | "status"> & { secondFactorSince: Date | null };

/** The server actions behind the buttons, bound to the commune by the page. */
export type StaffAccountFormActions = {
  resendInvitation: FormAction;
  setStatus: FormAction;
  resetSecondFactor: FormAction;
};

/** The buttons an admin has on another staff account's row, depending on its status. */
export function StaffAccountActions({ actions, account }: { actions: StaffAccountFormActions; account: Account }) {
  const name = `${account.firstName} ${account.lastName}`;
  return (
    <div className={styles.actions}>
      {account.status === "pending" ? (
        <InlineActionForm
          action={actions.resendInvitation}
          fields={{ userId: account.id }}
          label="Renvoyer l'invitation"
          accessibleLabel={`Renvoyer l'invitation à ${name}`}
        />
      ) : null}
      {account.status === "disabled" ? (
        <InlineActionForm
          action={actions.setStatus}
          fields={{ userId: account.id, status: "active" }}
          label="Réactiver"
          accessibleLabel={`Réactiver le compte de ${name}`}
        />
      ) : (
        <InlineActionForm
          action={actions.setStatus}
          fields={{ userId: account.id, status: "disabled" }}
          label="Désactiver"
          accessibleLabel={`Désactiver le compte de ${name}`}
          danger
        />
      )}
      {account.secondFactorSince ? (
        <InlineActionForm
          action={actions.resetSecondFactor}
          fields={{ userId: account.id }}
          label="Réinitialiser la double authentification"
          accessibleLabel={`Réinitialiser la double authentification de ${name}`}
          danger
        />
      ) : null}
    </div>
  );
}
