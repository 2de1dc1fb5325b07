// The roles' names as people read them. No server imports: the admin's role picker (a client
// component) uses the same labels as /me and the audit trail.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = {
  LEARNER: "学员",
  TRAINER: "培训师",
  CLIENT_ADMIN: "客户培训管理员",
  ADMIN: "管理员",
};
/** The roles an admin picks on the users page; a client admin is set on their organisation's page
 * (the role means nothing without the organisation). */
export const PICKABLE_ROLES = ["LEARNER", "TRAINER", "ADMIN"] as const satisfies readonly Role[];
