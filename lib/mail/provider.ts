import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";

export type OutgoingMail = { to: string; subject: string; html: string; text: string };
export type DeliveryResult = { ok: true; providerMessageId: string } | { ok: false; error: string };

let client: Resend | undefined;

/** Sends through Resend. Only called when RESEND_API_KEY is set. */
export async function deliverThroughResend(mail: OutgoingMail): Promise<DeliveryResult> {
  client ??= new Resend(env.RESEND_API_KEY);
  try {
    const { data, error } = await client.emails.send({ from: env.MAIL_FROM, ...mail });
    if (error || !data) return { ok: false, error: error?.message ?? "réponse vide de Resend" };
    return { ok: true, providerMessageId: data.id };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
