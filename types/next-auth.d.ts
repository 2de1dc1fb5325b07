import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; sv: number; authAt: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    sv: number;
    /** When the user signed in (ms): the absolute session limit counts from here. */
    authAt?: number;
  }
}
