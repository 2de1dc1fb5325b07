// The roles' names as people read them. No server imports: the admin's role picker (a client
// component) uses the same labels as /me and the audit trail.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = { LEARNER: "学员", TRAINER: "培训师", ADMIN: "管理员" };
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
