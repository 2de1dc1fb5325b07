// Loaded into the `next start` process with `node --import` (scripts/serve.ts). Before Next sees a
// request, X-Forwarded-For is replaced by the one client address decided from the TCP peer and
// TRUSTED_PROXIES (lib/security/client-address.js), and forwarded host/proto headers from a peer
// that is not a trusted proxy are dropped. Everything downstream (lib/auth/client-ip.ts) reads
// that single address.
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

const createServer = http.createServer;
// @ts-expect-error -- same signature, wrapped
http.createServer = function (...args) {
  const server = createServer.apply(this, args);
  server.prependListener("request", stampClientAddress);
  return server;
};
