// M3: X-Forwarded-For is believed only from configured proxies.
import { describe, expect, it } from "vitest";
import { decideClientAddress, parseTrustedProxies } from "@/lib/security/client-address.js";

const trusted = (spec?: string) => {
  const r = parseTrustedProxies(spec);
  if (!r.ok) throw new Error(r.message);
  return r.list;
};

describe("client address", () => {
  it("with no trusted proxy, is the TCP peer whatever the header says", () => {
    expect(decideClientAddress("203.0.113.7", "198.51.100.1", trusted())).toBe("203.0.113.7");
    expect(decideClientAddress("::ffff:203.0.113.7", "1.2.3.4, 5.6.7.8", trusted())).toBe("203.0.113.7");
    // Loopback is not trusted by default either: a local process cannot launder addresses.
    expect(decideClientAddress("127.0.0.1", "198.51.100.1", trusted())).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, is the nearest untrusted hop (a client-sent prefix cannot win)", () => {
    const list = trusted("127.0.0.1, 10.0.0.0/8");
    expect(decideClientAddress("127.0.0.1", "198.51.100.1", list)).toBe("198.51.100.1");
    // The client sent "6.6.6.6"; nginx appended the real address; a second proxy appended its own.
    expect(decideClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3", list)).toBe("198.51.100.1");
    // A trusted peer that forwarded nothing usable is itself the client.
    expect(decideClientAddress("10.0.0.5", "not-an-ip", list)).toBe("10.0.0.5");
    expect(decideClientAddress("::1", "198.51.100.1", trusted("loopback"))).toBe("198.51.100.1");
  });

  it("refuses a malformed TRUSTED_PROXIES entry, naming it", () => {
    const r = parseTrustedProxies("127.0.0.1, nginx.local");
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("nginx.local") });
    expect(parseTrustedProxies("10.0.0.0/33")).toMatchObject({ ok: false });
    expect(parseTrustedProxies("")).toMatchObject({ ok: true, size: 0 });
  });
});
