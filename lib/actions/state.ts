/**
 * What every server action returns to its form. Never echoes submitted values (no password comes back); `data`
 * is what the server worked out for the form to show (a preview, a result per date…).
 */
export type ActionState<D = undefined> =
  | { ok: true; message?: string; data?: D }
  | { ok: false; message: string; fieldErrors: Record<string, string[] | undefined>; data?: D }
  | null;

/** A server action as a form (useActionState) calls it. */
export type FormAction<D = undefined> = (state: ActionState<D>, formData: FormData) => Promise<ActionState<D>>;

export const initialActionState: ActionState = null;

export function failure<D = undefined>(
  message: string,
  fieldErrors: Record<string, string[] | undefined> = {},
  data?: D,
): ActionState<D> {
  return data === undefined ? { ok: false, message, fieldErrors } : { ok: false, message, fieldErrors, data };
}

export function success<D = undefined>(message?: string, data?: D): ActionState<D> {
  return data === undefined ? { ok: true, message } : { ok: true, message, data };
}

/** The form-level message when fields are wrong, whether the schema or a later check found it. */
export const INVALID_FORM = "Le formulaire contient des erreurs. Corrigez les champs signalés.";

/** A refusal found after parsing (common password, captcha, unknown code…), shown like a parse error. */
export function fieldFailure(field: string, message: string): ActionState {
  return failure(INVALID_FORM, { [field]: [message] });
}
