// npm run instances -- --instances 2 --port 3000: the production build (`next build` first) as N Node processes
// on one machine, one per core, behind a small round-robin reverse proxy listening on --port (one instance: no
// proxy, it listens there itself). Each instance gets the caller's environment (DATABASE_URL, AUTH_SECRET…) and
// TRUSTED_PROXY_HOPS=1 behind the proxy; instance i listens on 127.0.0.1:<port + i>, reachable only from here.
// A stand-in for nginx or HAProxy where neither is installed (README "Node behind a reverse proxy"); also used
// by `npm run bench:rush -- --instances 2`. Ctrl-C stops them all.
import { spawn } from "node:child_process";
import { Agent, createServer, request as forward } from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** Resolves once the instance on `port` answers /api/health with 200 (it migrates the database as it starts). */
async function waitHealthy(port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the instance on :${port} did not become healthy within ${timeoutMs / 1000} s`);
}

/**
 * Appends the connection's address to X-Forwarded-For (what nginx's $proxy_add_x_forwarded_for does) and passes
 * the request to the next instance in turn, streaming both ways.
 */
function startProxy(port, backends) {
  // A new connection per request (as nginx does unless told otherwise): a kept-alive one may be closed by the
  // instance (its 5 s idle timeout) just as the next request is sent on it, a 502 for that request.
  const agent = new Agent({ keepAlive: false, maxSockets: 256 });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const backend = backends[next++ % backends.length];
    const previous = incoming.headers["x-forwarded-for"];
    const address = incoming.socket.remoteAddress ?? "unknown";
    const upstream = forward(
      {
        host: "127.0.0.1",
        port: backend,
        method: incoming.method,
        path: incoming.url,
        agent,
        headers: {
          ...incoming.headers,
          "x-forwarded-for": previous ? `${previous}, ${address}` : address,
          "x-forwarded-proto": "http",
          "x-forwarded-host": incoming.headers.host ?? `127.0.0.1:${port}`,
        },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/**
 * Starts `instances` production servers and, for more than one, the proxy in front; resolves when all answer.
 * `onLog` receives each instance's output (stdout and stderr).
 */
async function startInstances({ instances, port, env = process.env, onLog = () => {} }) {
  const ports = instances === 1 ? [port] : Array.from({ length: instances }, (_, i) => port + 1 + i);
  const children = ports.map((instancePort) => {
    const child = spawn(process.execPath, ["server.mjs", "-p", String(instancePort), "-H", "127.0.0.1"], {
      env: {
        ...env,
        NODE_ENV: "production",
        TRUSTED_PROXY_HOPS: instances === 1 ? "0" : "1",
        APP_URL: env.APP_URL || `http://127.0.0.1:${port}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => onLog(instancePort, String(chunk)));
    child.stderr.on("data", (chunk) => onLog(instancePort, String(chunk)));
    return child;
  });
  const stop = async (proxy) => {
    proxy?.close();
    proxy?.closeAllConnections();
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", resolve);
            child.kill("SIGTERM");
          }),
      ),
    );
  };
  try {
    await Promise.all(ports.map((instancePort) => waitHealthy(instancePort, 120_000)));
    const proxy = instances === 1 ? undefined : await startProxy(port, ports);
    return { url: `http://127.0.0.1:${port}`, pids: children.map((child) => child.pid), stop: () => stop(proxy) };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { instances: { type: "string", default: "2" }, port: { type: "string", default: "3000" } },
  });
  const running = await startInstances({
    instances: Number(values.instances),
    port: Number(values.port),
    onLog: (instancePort, text) => process.stdout.write(text.replace(/^(?=.)/gm, `[:${instancePort}] `)),
  });
  console.log(`> ${values.instances} instance(s) ready behind ${running.url} (pids ${running.pids.join(",")})`);
  const shutdown = () => running.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
