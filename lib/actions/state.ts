/** What every server action returns to its form. Never echoes submitted values (no password comes back). */
export type ActionState =
  | { ok: true; message?: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[] | undefined> }
  | null;

export const initialActionState: ActionState = null;

export function failure(message: string, fieldErrors: Record<string, string[] | undefined> = {}): ActionState {
  return { ok: false, message, fieldErrors };
}

export function success(message?: string): ActionState {
  return { ok: true, message };
}

/** The form-level message when fields are wrong, whether the schema or a later check found it. */
export const INVALID_FORM = "Le formulaire contient des erreurs. Corrigez les champs signalés.";

/** A refusal found after parsing (common password, captcha, unknown code…), shown like a parse error. */
export function fieldFailure(field: string, message: string): ActionState {
  return failure(INVALID_FORM, { [field]: [message] });
}
