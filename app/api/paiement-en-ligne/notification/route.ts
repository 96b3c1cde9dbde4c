import { checkNamedAttempt, plainText, TOO_MANY_REQUESTS } from "../_check/check";

export const dynamic = "force-dynamic";

/** PayFiP's operation ids are short alphanumeric strings; anything else names no attempt. */
const ID_OP = /^[A-Za-z0-9]{1,64}$/;
/** A notification carries one field: a larger body is not read. */
const MAX_BODY_BYTES = 4096;

async function idOpOf(request: Request): Promise<string | null> {
  const query = new URL(request.url).searchParams;
  let value: unknown = query.get("idop") ?? query.get("idOp");
  const type = request.headers.get("content-type") ?? "";
  const length = Number(request.headers.get("content-length") ?? "0");
  if (
    !value &&
    request.method === "POST" &&
    length <= MAX_BODY_BYTES &&
    /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)
  ) {
    const form = await request.formData().catch(() => null);
    value = form?.get("idop") ?? form?.get("idOp");
  }
  return typeof value === "string" && ID_OP.test(value) ? value : null;
}

/**
 * PayFiP's notification (urlnotif), server to server, sometimes twice: it names an operation, and the portal asks
 * PayFiP itself what became of it (checkOnlinePayment records a payment once, whatever the number of calls). A
 * known operation is answered "OK"; an unknown one a bare 404, which says nothing more.
 */
async function notify(request: Request): Promise<Response> {
  const idOp = await idOpOf(request);
  const result = await checkNamedAttempt(request, idOp ? { idOp } : null);
  if (result.outcome === "limited") return TOO_MANY_REQUESTS(result.retryAfterSeconds);
  return result.outcome === "checked" ? plainText("OK", 200) : plainText("Introuvable", 404);
}

export const POST = notify;
export const GET = notify;
