import { z } from "zod";

/** Name of the form field the widget fills with its payload (client and server agree on it). */
export const CAPTCHA_FIELD = "captcha";

export const CAPTCHA_REQUIRED_MESSAGE = "Cochez la case « Je ne suis pas un robot ».";
export const CAPTCHA_FAILED_MESSAGE =
  "La vérification « Je ne suis pas un robot » a échoué ou a expiré. Cochez de nouveau la case.";

/** Only presence is checked here (client too); the proof of work is verified on the server (lib/captcha/challenge.ts). */
export const captchaField = () =>
  z.string({ error: CAPTCHA_REQUIRED_MESSAGE }).min(1, CAPTCHA_REQUIRED_MESSAGE).max(10_000, CAPTCHA_FAILED_MESSAGE);
