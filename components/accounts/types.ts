import type { ActionState } from "@/lib/actions/state";

/** A server action as the account forms receive it from their page. */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
