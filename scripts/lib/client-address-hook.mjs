// Loaded into the `next start` process with `node --import` (scripts/serve.ts). Before Next sees a
// request, X-Forwarded-For is replaced by the one client address decided from the TCP peer and
// TRUSTED_PROXIES (lib/security/client-address.js), and forwarded host/proto headers from a peer
// that is not a trusted proxy are dropped. Everything downstream (lib/auth/client-ip.ts) reads
// that single address. Methods no route serves (TRACE, CONNECT …) get 405 here.
import http from "node:http";
import {
  decideClientAddress,
  isTrusted,
  normaliseAddress,
  parseTrustedProxies,
} from "../../lib/security/client-address.js";

const parsed = parseTrustedProxies(process.env.TRUSTED_PROXIES);
if (!parsed.ok) {
  console.error(`TRUSTED_PROXIES: ${parsed.message}`);
  process.exit(1);
}
const trusted = parsed.list;

/** @param {http.IncomingMessage} req */
function stampClientAddress(req) {
  const peer = req.socket.remoteAddress;
  req.headers["x-forwarded-for"] = decideClientAddress(peer, req.headers["x-forwarded-for"], trusted);
  delete req.headers["x-real-ip"];
  // Only a trusted proxy may say which host and scheme the browser used.
  if (!isTrusted(trusted, normaliseAddress(peer ?? ""))) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
}

// Methods no route serves are answered here: Next turns TRACE and friends into a 500.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** @param {http.RequestListener} listener @returns {http.RequestListener} */
const guarded = (listener) => (req, res) => {
  if (!METHODS.has(req.method ?? "")) {
    res.writeHead(405, { Allow: "GET, HEAD, POST", "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: "不支持的请求方法" }));
    return;
  }
  stampClientAddress(req);
  listener(req, res);
};

const createServer = http.createServer;
// @ts-expect-error -- same signature, wrapped
http.createServer = function (...args) {
  const i = args.findIndex((a) => typeof a === "function");
  if (i >= 0) args[i] = guarded(args[i]);
  return createServer.apply(this, args);
};
