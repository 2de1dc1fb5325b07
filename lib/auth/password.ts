// Password hashing with scrypt (node:crypto): slow, salted, memory-hard, no native dependency.
// Stored as "scrypt$N$r$p$salt$hash" so the cost can be raised later without breaking old hashes.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

// N = 2^15 takes ~50-100 ms on this machine: negligible for one sign-in, costly for guessing.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEYLEN = 32;
const maxmem = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, KEYLEN, { ...COST, maxmem });
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, r, p, salt, hash] = stored.split("$");
  if (algo !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Run when the account does not exist, so a wrong email takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string) {
  dummyHash ??= hashPassword("timing-equaliser");
  await verifyPassword(password, await dummyHash);
}

// Accounts imported from a roster have no password until the learner sets one by the activation
// link (lib/auth/one-time-links.ts). Their hash is "!" and random hex: verifyPassword never
// matches it (not "scrypt$…"), and the prefix is how "not yet activated" is recognised.
export const UNUSABLE_PASSWORD_PREFIX = "!";

export function unusablePasswordHash(): string {
  return `${UNUSABLE_PASSWORD_PREFIX}${createHash("sha256").update(randomBytes(32)).digest("hex")}`;
}

/** Prisma condition: accounts that have never set a password (imported, waiting for activation). */
export const NOT_ACTIVATED = { passwordHash: { startsWith: UNUSABLE_PASSWORD_PREFIX } } as const;
