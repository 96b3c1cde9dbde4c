import { register } from "node:module";

// Scripts (seed, commune:add, benchmarks) run the app's modules outside Next. `server-only` throws unless bundled
// for the server, and the react-server condition that silences it also hides react-dom/server (mail rendering):
// make it a no-op instead.
const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
