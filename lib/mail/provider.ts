import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";

/** `from`: the whole From header (lib/mail/sender.ts). */
export type OutgoingMail = { from: string; to: string; subject: string; html: string; text: string };
export type DeliveryResult = { ok: true; providerMessageId: string } | { ok: false; error: string };

/** Resend's batch endpoint takes up to 100 mails per call (and counts as one call against its rate limit). */
export const PROVIDER_BATCH_SIZE = 100;

let client: Resend | undefined;

/**
 * Sends up to PROVIDER_BATCH_SIZE mails through Resend in one call; one result per mail, in order. Resend
 * validates the batch as a whole, so a refusal fails every mail of it (each is retried later). A request that
 * repeats an idempotency key of the last 24 hours is answered without sending again.
 * Only called when RESEND_API_KEY is set.
 */
export async function deliverBatchThroughResend(
  mails: readonly OutgoingMail[],
  idempotencyKey: string,
): Promise<DeliveryResult[]> {
  client ??= new Resend(env.RESEND_API_KEY);
  const failAll = (error: string): DeliveryResult[] => mails.map(() => ({ ok: false, error }));
  try {
    const { data, error } = await client.batch.send(
      mails.map((mail) => ({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
      })),
      { idempotencyKey },
    );
    if (error || !data) return failAll(error?.message ?? "réponse vide de Resend");
    return mails.map((_, i) => {
      const id = data.data[i]?.id;
      return id
        ? { ok: true, providerMessageId: id }
        : { ok: false, error: "identifiant manquant dans la réponse de Resend" };
    });
  } catch (error) {
    return failAll(error instanceof Error ? error.message : String(error));
  }
}
