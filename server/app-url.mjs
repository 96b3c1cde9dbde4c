// The base URL of mailed links when APP_URL is unset: where server.mjs listens. Plain JavaScript, like server.mjs.
// Typed by app-url.d.mts.

/** Addresses that mean "every interface": a browser on this machine reaches them as localhost. */
const ANY_INTERFACE = new Set(["0.0.0.0", "::", "[::]"]);

/** "http://localhost:3203" for `-p 3203`; the -H host when it names one (an IPv6 address in brackets). */
export function defaultAppUrl(hostname, port) {
  const host = !hostname || ANY_INTERFACE.has(hostname) ? "localhost" : hostname;
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`;
}
