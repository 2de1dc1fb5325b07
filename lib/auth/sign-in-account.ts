// Which account a sign-in identifier names, and the key its sign-in limits are counted under.
// The key is the account's own (its email, else its id) whatever was typed, so every limit of
// lib/auth/sign-in-guard.ts counts email, 手机 and 工号 attempts on one account together; an
// identifier that names no account is counted under itself, as an unknown email always was.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseIdentifier, signInKeyOf, type SignInIdentifier } from "./identifier";

const accountSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabled: true,
  sessionVersion: true,
  passwordHash: true,
} as const;

export type SignInAccount = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

/** Exactly one account, or none: a 手机 or bare 工号 shared by two banks names nobody. */
async function only(db: PrismaClient, where: Prisma.UserWhereInput): Promise<SignInAccount | null> {
  const found = await db.user.findMany({ where, take: 2, select: accountSelect });
  return found.length === 1 ? found[0]! : null;
}

async function findAccount(db: PrismaClient, id: SignInIdentifier): Promise<SignInAccount | null> {
  switch (id.kind) {
    case "email":
      return db.user.findUnique({ where: { email: id.email }, select: accountSelect });
    case "mobile":
      // An 11-digit 工号 that happens to look like a mobile number still signs in.
      return (await only(db, { mobile: id.mobile })) ?? only(db, { employeeNo: id.mobile });
    case "employee":
      if (id.orgCode) {
        const prefixed = await only(db, { employeeNo: id.employeeNo, organisation: { code: id.orgCode } });
        // "AB-001" may be a bare 工号 with a dash in it rather than organisation AB's 001.
        return prefixed ?? only(db, { employeeNo: `${id.orgCode}-${id.employeeNo}` });
      }
      return only(db, { employeeNo: id.employeeNo });
  }
}

function typedKey(id: SignInIdentifier): string {
  switch (id.kind) {
    case "email":
      return id.email;
    case "mobile":
      return `mobile:${id.mobile}`;
    case "employee":
      return `employee:${id.orgCode ?? ""}-${id.employeeNo}`;
  }
}

export type SignInLookup = { key: string | null; account: SignInAccount | null };

export async function lookUpSignIn(db: PrismaClient, raw: unknown): Promise<SignInLookup> {
  const id = typeof raw === "string" ? parseIdentifier(raw) : null;
  if (!id) return { key: null, account: null };
  const account = await findAccount(db, id);
  return { key: account ? signInKeyOf(account) : typedKey(id), account };
}
