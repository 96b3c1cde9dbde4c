/*
 * What can go wrong when the portal speaks to PayFiP. Only a FonctionnelleErreur is an answer of the service (P1
 * unknown idOp, P5 result not known yet…); anything else means the service could not be used this time, and the
 * caller tries again later.
 */

/** The service's FonctionnelleErreur (a SOAP fault with its code and French label). */
export class PayfipFault extends Error {
  override readonly name = "PayfipFault";
  constructor(
    readonly code: string,
    readonly label: string,
  ) {
    super(`${code} : ${label}`);
  }
}

/** Network error, timeout, HTTP error without a fault, or an answer that is not PayFiP's. */
export class PayfipUnavailableError extends Error {
  override readonly name: string = "PayfipUnavailableError";
}

/** An answer (or, on the simulator's side, a request) that is not a PayFiP message: unusable like a lost one. */
export class PayfipProtocolError extends PayfipUnavailableError {
  override readonly name = "PayfipProtocolError";
}

export const isResultNotKnownYet = (e: unknown): e is PayfipFault => e instanceof PayfipFault && e.code === "P5";
export const isUnknownOperation = (e: unknown): e is PayfipFault => e instanceof PayfipFault && e.code === "P1";
