// Messages of the account pages that both an action and a form component need.

export const SIGN_UP_DONE =
  "Vous allez recevoir un email de confirmation dans votre messagerie, cliquez sur le lien d'activation.";
export const NOT_ACTIVATED = "Votre compte n'est pas encore activé. Cliquez sur le lien d'activation reçu par e-mail.";
export const INVALID_CREDENTIALS = "Identifiant ou mot de passe incorrect.";
export const LOGIN_NEEDS_CAPTCHA =
  "Plusieurs tentatives de connexion à ce compte ont échoué. Cochez la case « Je ne suis pas un robot », puis cliquez de nouveau sur « Se connecter ».";
export const ACTIVATION_DONE = "Votre compte est activé. Vous pouvez maintenant vous connecter.";
export const ACTIVATION_EXPIRED = "Ce lien d'activation a expiré.";
export const LINK_USED_OR_INVALID = "Ce lien a déjà été utilisé ou n'est pas valide.";
export const RESET_LINK_EXPIRED = "Ce lien de réinitialisation a expiré.";
export const RESET_DONE = "Votre mot de passe a été enregistré. Vous pouvez maintenant vous connecter.";
export const PASSWORD_CHANGED = "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.";
export const UNKNOWN_SUBSCRIBER_CODE = "Ce code abonné est inconnu. Vérifiez-le ou laissez le champ vide.";
export const FORGOT_PASSWORD_SENT =
  "Si un compte correspond à cette adresse, vous allez recevoir un e-mail avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.";
export const ACTIVATION_LINK_SENT =
  "Si un compte en attente d'activation correspond à cette adresse, vous allez recevoir un e-mail avec un nouveau lien d'activation, valable 24 heures.";
