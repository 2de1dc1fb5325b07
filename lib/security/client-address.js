// @ts-check
// Who is the client? Decided once per request, from the TCP peer, before Next sees the request
// (scripts/lib/client-address-hook.mjs). X-Forwarded-For is believed only when the peer is a
// configured proxy (TRUSTED_PROXIES): otherwise anyone reaching the app directly could rotate
// the header and slip past the per-address sign-in and enquiry limits. Plain JS: the hook runs in
// the `next start` process before anything is compiled.
import net from "node:net";

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) → "127.0.0.1". */
export function normaliseAddress(/** @type {string} */ address) {
  const a = address.trim();
  return a.startsWith("::ffff:") && net.isIPv4(a.slice(7)) ? a.slice(7) : a;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR blocks ("127.0.0.1, 10.0.0.0/8"), or
 * "loopback". Returns the BlockList, or a message naming the first entry that is not one.
 * @param {string | undefined} spec
 * @returns {{ ok: true, list: net.BlockList, size: number } | { ok: false, message: string }}
 */
export function parseTrustedProxies(spec) {
  const list = new net.BlockList();
  let size = 0;
  for (const raw of (spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      size++;
      continue;
    }
    const [addr = "", bits] = entry.split("/");
    const type = net.isIPv4(addr) ? "ipv4" : net.isIPv6(addr) ? "ipv6" : null;
    const prefix = bits === undefined ? null : Number(bits);
    const maxBits = type === "ipv4" ? 32 : 128;
    if (!type || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      return { ok: false, message: `“${entry}” 不是 IP 地址或 CIDR 网段 (not an IP address or CIDR block)` };
    }
    if (prefix === null) list.addAddress(addr, type);
    else list.addSubnet(addr, prefix, type);
    size++;
  }
  return { ok: true, list, size };
}

/** @param {net.BlockList} list @param {string} address */
export function isTrusted(list, address) {
  const type = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
  return type !== null && list.check(address, type);
}

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For (right to left) that is not itself a trusted proxy.
 * @param {string | undefined} peer
 * @param {string | string[] | undefined} forwardedFor
 * @param {net.BlockList} trusted
 */
export function decideClientAddress(peer, forwardedFor, trusted) {
  const from = normaliseAddress(peer ?? "");
  if (!from) return "unknown";
  if (!isTrusted(trusted, from)) return from;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normaliseAddress)
    .filter((h) => net.isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(trusted, /** @type {string} */ (hops[i]))) return /** @type {string} */ (hops[i]);
  }
  return hops[0] ?? from;
}
