import { base64url, calculateJwkThumbprint, EncryptJWT, type JWTPayload, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/*
 * The session cookie's codec, in Auth.js's own format (a JWE, "dir" + A256CBC-HS512, its key derived from
 * AUTH_SECRET by HKDF with the cookie's name as salt, the key's JWK thumbprint as `kid`): cookies issued before
 * or by Auth.js's codec stay valid, and the other way round. What differs: the derived key and its thumbprint are
 * worked out once per process, where Auth.js derives and hashes them again for every encode and decode, and a
 * cookie already decoded is not decrypted again (below). Edge-safe (Web Crypto and jose only): auth.config.ts is shared with the proxy.
 */

const ALG = "dir";
const ENC = "A256CBC-HS512";
const CLOCK_TOLERANCE_SECONDS = 15;

type DerivedKey = { key: Uint8Array; kid: string };
const derivedKeys = new Map<string, Promise<DerivedKey>>();

async function deriveKey(secret: string, salt: string): Promise<DerivedKey> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: encoder.encode(salt),
      info: encoder.encode(`Auth.js Generated Encryption Key (${salt})`),
    },
    material,
    64 * 8,
  );
  const key = new Uint8Array(bits);
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512");
  return { key, kid };
}

/** The key of a secret and salt, derived on first use; a failed derivation is not kept. */
function keyOf(secret: string, salt: string): Promise<DerivedKey> {
  const id = `${salt}\u0000${secret}`;
  let derived = derivedKeys.get(id);
  if (!derived) {
    derived = deriveKey(secret, salt);
    derivedKeys.set(id, derived);
    derived.catch(() => derivedKeys.delete(id));
  }
  return derived;
}

const secretsOf = (secret: JWTEncodeParams["secret"]) => (Array.isArray(secret) ? secret : [secret]);

export async function encodeSessionToken({ token, secret, maxAge, salt }: JWTEncodeParams): Promise<string> {
  const { key, kid } = await keyOf(secretsOf(secret)[0]!, salt);
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT({ ...token } as JWTPayload)
    .setProtectedHeader({ alg: ALG, enc: ENC, kid })
    .setIssuedAt(now)
    .setExpirationTime(now + (maxAge ?? 30 * 24 * 60 * 60))
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

/*
 * Cookies decoded, by their exact value (and the secrets and salt they were decoded with): the proxy and the page
 * decode the same cookie on every request, and a family's next requests send it again until it is renewed, once a
 * minute. A hit skips only the decryption: its expiry is checked on every read, and every request checks the
 * session on the server all the same (lib/auth/session.ts). Shared by the proxy's bundle and the app's through
 * globalThis; bounded, the oldest entries leave first.
 */
const DECODED_MAX = 5000;
type Decoded = { payload: JWT; validUntilMs: number };
const globalCache = globalThis as typeof globalThis & { [key: symbol]: Map<string, Decoded> | undefined };
const DECODED_KEY = Symbol.for("portail-famille.decoded-session-tokens");
globalCache[DECODED_KEY] ??= new Map<string, Decoded>();
const decodedTokens = globalCache[DECODED_KEY];

export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const id = `${salt}\u0000${secretsOf(secret).join("\u0000")}\u0000${token}`;
  const hit = decodedTokens.get(id);
  if (hit && Date.now() < hit.validUntilMs) return { ...hit.payload };
  // Expired (or never seen): jose decides, and says why it refuses.
  decodedTokens.delete(id);
  const payload = await decrypt(token, secret, salt);
  if (typeof payload.exp === "number") {
    if (decodedTokens.size >= DECODED_MAX) decodedTokens.delete(decodedTokens.keys().next().value!);
    decodedTokens.set(id, { payload, validUntilMs: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
  }
  return { ...payload };
}

async function decrypt(token: string, secret: JWTDecodeParams["secret"], salt: string): Promise<JWT> {
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid }) => {
      // Each secret (a rotation lists the new one first) is tried by its key's thumbprint.
      for (const candidate of secretsOf(secret)) {
        const derived = await keyOf(candidate, salt);
        if (kid === undefined || kid === derived.kid) return derived.key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: CLOCK_TOLERANCE_SECONDS, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC] },
  );
  return payload as JWT;
}
