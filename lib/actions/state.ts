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
