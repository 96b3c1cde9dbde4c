import { failure, type ActionState } from "@/lib/actions/state";

/** A refusal found after parsing (common password, captcha, unknown code…), shown like a parse error. */
export function fieldFailure(field: string, message: string): ActionState {
  return failure("Le formulaire contient des erreurs. Corrigez les champs signalés.", { [field]: [message] });
}
