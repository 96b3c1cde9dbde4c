import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type PayfipSimulatorOperation, payfipSimulatorOperations } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { PayfipProtocolError } from "../errors";
import {
  buildClientFault,
  buildCreatePaymentResponse,
  buildFault,
  buildPaymentDetailResponse,
  type CreatePaymentRequest,
  PAYFIP_MAX_CENTS,
  PAYFIP_MIN_CENTS,
  type PayfipRequest,
  parsePayfipRequest,
} from "../messages";

/*
 * The PayFiP simulator: the DGFiP's server, played by the portal for demos and tests. It keeps its own records
 * (payfip_simulator_operations, no commune's data) and behaves as the real service does: an idOp can be paid for
 * 15 minutes, the result stays unknown (P5) until the payer chose and for as long as asked after, an unknown idOp
 * is P1. Its timers go by the machine's time; dattrans / heurtrans by the portal's clock, as the portal reads them.
 */

/** How long an idOp can be paid, as PayFiP's. */
export const OPERATION_LIFETIME_MS = 15 * 60_000;

const NOTIFICATION_TIMEOUT_MS = 10_000;

export type SimulatedOperationState = "open" | "expired" | "decided";

/** open: the card page can still decide it; expired: its 15 minutes are over; decided: the payer chose. */
export function simulatedOperationState(
  operation: PayfipSimulatorOperation,
  nowMs: number = Date.now(),
): SimulatedOperationState {
  if (operation.resultCode) return "decided";
  return nowMs - operation.createdAt.getTime() >= OPERATION_LIFETIME_MS ? "expired" : "open";
}

export async function findSimulatedOperation(db: Db, idOp: string): Promise<PayfipSimulatorOperation | null> {
  const [operation] = await db.select().from(payfipSimulatorOperations).where(eq(payfipSimulatorOperations.idOp, idOp));
  return operation ?? null;
}

type SoapAnswer = { status: number; body: string };

const ok = (body: string): SoapAnswer => ({ status: 200, body });
// SOAP 1.1 sends faults with HTTP 500.
const fault = (code: string, label: string): SoapAnswer => ({ status: 500, body: buildFault(code, label) });

/** One SOAP request to the simulated web service, answered as PayFiP would. */
export async function handleSimulatorSoap(db: Db, requestXml: string): Promise<SoapAnswer> {
  let request: PayfipRequest;
  try {
    request = parsePayfipRequest(requestXml);
  } catch (error) {
    if (error instanceof PayfipProtocolError) return { status: 500, body: buildClientFault(error.message) };
    throw error;
  }
  return request.operation === "create" ? createOperation(db, request.params) : operationDetail(db, request.idOp);
}

const URL_FIELD = /^https?:\/\/\S+$/;

/**
 * The checks creerPaiementSecurise makes. PayFiP's own codes for these refusals are not public: the simulator's
 * start with "SIMU" and the portal only needs to know the creation was refused.
 */
function invalidField(p: CreatePaymentRequest): SoapAnswer | null {
  const amount = /^\d{1,9}$/.test(p.amount) ? Number(p.amount) : Number.NaN;
  const checks: [boolean, string, string][] = [
    [/^\d{6}$/.test(p.clientNumber), "SIMU-NUMCLI", "Numéro de client incorrect : 6 chiffres attendus"],
    [/^\d{4}$/.test(p.exer), "SIMU-EXER", "Exercice incorrect : une année sur 4 chiffres attendue"],
    [/^[A-Za-z0-9]{1,30}$/.test(p.refdet), "SIMU-REFDET", "Référence incorrecte : 1 à 30 lettres ou chiffres"],
    [
      amount >= PAYFIP_MIN_CENTS && amount <= PAYFIP_MAX_CENTS,
      "SIMU-MONTANT",
      `Montant incorrect : de ${PAYFIP_MIN_CENTS} à ${PAYFIP_MAX_CENTS} centimes`,
    ],
    [/^[^\s@]+@[^\s@]+$/.test(p.email), "SIMU-MEL", "Adresse électronique incorrecte"],
    [/^[A-Za-z0-9 ]{0,100}$/.test(p.object), "SIMU-OBJET", "Objet incorrect : lettres sans accent, chiffres, espaces"],
    [["T", "X", "W"].includes(p.mode), "SIMU-SAISIE", "Mode de saisie incorrect : T, X ou W"],
    [URL_FIELD.test(p.notificationUrl), "SIMU-URLNOTIF", "Adresse de notification incorrecte"],
    [URL_FIELD.test(p.returnUrl), "SIMU-URLREDIRECT", "Adresse de retour incorrecte"],
  ];
  const failed = checks.find(([valid]) => !valid);
  return failed ? fault(failed[1], failed[2]) : null;
}

async function createOperation(db: Db, p: CreatePaymentRequest): Promise<SoapAnswer> {
  const refused = invalidField(p);
  if (refused) return refused;
  // 32 random hexadecimal characters, as unguessable as PayFiP's.
  const idOp = randomUUID().replaceAll("-", "");
  await db.insert(payfipSimulatorOperations).values({
    idOp,
    numcli: p.clientNumber,
    exer: p.exer,
    refdet: p.refdet,
    amountCents: Number(p.amount),
    email: p.email,
    object: p.object,
    mode: p.mode,
    notificationUrl: p.notificationUrl,
    returnUrl: p.returnUrl,
    createdAt: new Date(),
  });
  return ok(buildCreatePaymentResponse(idOp));
}

async function operationDetail(db: Db, idOp: string): Promise<SoapAnswer> {
  const operation = idOp ? await findSimulatedOperation(db, idOp) : null;
  if (!operation) return fault("P1", "IdOp incorrect");
  const { resultCode, resultKnownAt } = operation;
  // Undecided (on the card page, or left there past its 15 minutes) or decided but not told yet: P5, as PayFiP.
  if (!resultCode || !resultKnownAt || resultKnownAt.getTime() > Date.now())
    return fault("P5", "Résultat de la transaction non connu");
  return ok(
    buildPaymentDetailResponse({
      idOp,
      resultCode,
      authorizationNumber: operation.authorizationNumber,
      transactionAt: operation.decidedAt,
      amountCents: resultCode === "P" ? (operation.paidCents ?? operation.amountCents) : operation.amountCents,
      refdet: operation.refdet,
      exer: operation.exer,
      email: operation.email,
      clientNumber: operation.numcli,
      mode: operation.mode,
      object: operation.object,
    }),
  );
}

/**
 * The card page's choice. P: paid (paidCents, by default the amount asked), with a 6-digit authorisation number;
 * R: refused; A: abandoned. The web service tells the result resultDelayMs later (P5 until then).
 * null: unknown idOp, already decided, or past its 15 minutes (one conditional update: two clicks decide once).
 */
export async function decideSimulatedPayment(
  db: Db,
  params: { idOp: string; resultCode: "P" | "R" | "A"; paidCents?: number; resultDelayMs?: number },
): Promise<PayfipSimulatorOperation | null> {
  const { idOp, resultCode, paidCents, resultDelayMs = 0 } = params;
  if (paidCents !== undefined && !(Number.isInteger(paidCents) && paidCents > 0))
    throw new RangeError(`paidCents must be a positive whole number of cents, not ${paidCents}`);
  if (!(Number.isFinite(resultDelayMs) && resultDelayMs >= 0))
    throw new RangeError(`resultDelayMs must not be negative, not ${resultDelayMs}`);
  const now = Date.now();
  const paid = resultCode === "P";
  const [decided] = await db
    .update(payfipSimulatorOperations)
    .set({
      resultCode,
      paidCents: paid ? (paidCents ?? sql`${payfipSimulatorOperations.amountCents}`) : null,
      authorizationNumber: paid ? String(randomInt(0, 1_000_000)).padStart(6, "0") : null,
      decidedAt: currentTime(),
      resultKnownAt: new Date(now + resultDelayMs),
    })
    .where(
      and(
        eq(payfipSimulatorOperations.idOp, idOp),
        isNull(payfipSimulatorOperations.resultCode),
        gt(payfipSimulatorOperations.createdAt, new Date(now - OPERATION_LIFETIME_MS)),
      ),
    )
    .returning();
  return decided ?? null;
}

/**
 * PayFiP's server-to-server notification: a form POST of `idop` to urlnotif, `times` at once (PayFiP sometimes
 * notifies twice). Never throws: an unreachable portal is the portal's problem, as with the real service.
 */
export async function sendSimulatedNotification(db: Db, operation: PayfipSimulatorOperation, times = 1): Promise<void> {
  const sent = await Promise.all(
    Array.from({ length: times }, async () => {
      try {
        await fetch(operation.notificationUrl, {
          method: "POST",
          body: new URLSearchParams({ idop: operation.idOp }),
          signal: AbortSignal.timeout(NOTIFICATION_TIMEOUT_MS),
          cache: "no-store",
          redirect: "manual",
        });
        return 1;
      } catch (error) {
        console.warn(`PayFiP simulator: notification of ${operation.idOp} not delivered`, error);
        return 0;
      }
    }),
  );
  const delivered = sent.reduce<number>((sum, n) => sum + n, 0);
  if (delivered === 0) return;
  await db
    .update(payfipSimulatorOperations)
    .set({ notificationsSent: sql`${payfipSimulatorOperations.notificationsSent} + ${delivered}` })
    .where(eq(payfipSimulatorOperations.idOp, operation.idOp));
}
