// The client's address, worked out by server.mjs from the connection itself and never from a header a client can
// write. Plain JavaScript: server.mjs runs before (and outside) Next's compiler. Typed by client-address.d.mts.

/** The header server.mjs sets on every request: "<this process's stamp> <address>". */
export const CLIENT_ADDRESS_HEADER = "x-portail-client-address";

export const UNKNOWN_ADDRESS = "unknown";

const MAX_HOPS = 10;

/** TRUSTED_PROXY_HOPS: how many reverse proxies of ours stand in front of the server (unset: 0). */
export function parseTrustedProxyHops(value) {
  if (value === undefined || value === "") return 0;
  if (!/^\d+$/.test(value) || Number(value) > MAX_HOPS) {
    throw new Error(`TRUSTED_PROXY_HOPS doit être un nombre entier de 0 à ${MAX_HOPS} (reçu « ${value} »)`);
  }
  return Number(value);
}

/**
 * Each proxy appends to X-Forwarded-For the address its connection came from, so the list, followed by our own
 * connection's address, runs from the client to us. The last `hops` entries come from our proxies; the one before
 * them is the client as our farthest proxy saw it. Everything earlier is whatever the client wrote. A list shorter
 * than that (a proxy that sent none) falls back to the farthest address we have, never to a guess.
 */
export function resolveClientAddress(socketAddress, forwardedFor, hops) {
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? UNKNOWN_ADDRESS];
  return chain[Math.max(0, chain.length - 1 - hops)];
}

/** Replaces any copy of the header a client sent with the address resolved from this request's connection. */
export function stampClientAddress(request, { hops, stamp }) {
  const forwardedFor = request.headers["x-forwarded-for"];
  const address = resolveClientAddress(
    request.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    hops,
  );
  request.headers[CLIENT_ADDRESS_HEADER] = `${stamp} ${address}`;
}
