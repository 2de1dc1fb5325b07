"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser, type ActionState } from "@/lib/actions/validated-action";
import { getDb } from "@/lib/db/client";
import { closeOrganisation } from "@/lib/organisations/close";
import { setOrganisationLogo } from "@/lib/organisations/logo";
import {
  createOrganisation,
  setClientAdmin,
  setTrainerAssignment,
  updateOrganisation,
  type OrgResult,
} from "@/lib/organisations/organisations";
import {
  CLOSE_PROBLEM_MESSAGES,
  closeOrganisationSchema,
  LOGO_PROBLEM_MESSAGES,
  ORGANISATION_PROBLEM_MESSAGES,
  organisationLogoSchema,
  organisationMemberSchema,
  organisationSchema,
  organisationUpdateSchema,
} from "@/lib/organisations/schema";

function phrase(result: OrgResult<unknown>, done: string): ActionState {
  if (result.ok) return { ok: true, message: done };
  const { field, message } = ORGANISATION_PROBLEM_MESSAGES[result.code];
  return { fieldErrors: { [field]: message }, message };
}

export const createOrganisationAction = validatedActionWithUser(
  organisationSchema,
  async (data, admin) => {
    const result = await createOrganisation(getDb(), { id: admin.id, name: admin.name }, data);
    revalidatePath("/admin/organisations");
    return phrase(result, `已创建客户机构“${data.name}”`);
  },
  ["ADMIN"],
);

export const updateOrganisationAction = validatedActionWithUser(
  organisationUpdateSchema,
  async ({ organisationId, ...data }, admin) => {
    const result = await updateOrganisation(getDb(), { id: admin.id, name: admin.name }, organisationId, data);
    revalidatePath(`/admin/organisations/${organisationId}`);
    return phrase(result, "已保存");
  },
  ["ADMIN"],
);

export const assignTrainerAction = validatedActionWithUser(
  organisationMemberSchema,
  async ({ organisationId, email, op }, admin) => {
    const actor = { id: admin.id, name: admin.name };
    const result = await setTrainerAssignment(getDb(), actor, organisationId, email, op === "add");
    revalidatePath(`/admin/organisations/${organisationId}`);
    return phrase(result, op === "add" ? "已指派培训师" : "已取消指派");
  },
  ["ADMIN"],
);

export const clientAdminAction = validatedActionWithUser(
  organisationMemberSchema,
  async ({ organisationId, email, op }, admin) => {
    const actor = { id: admin.id, name: admin.name };
    const result = await setClientAdmin(getDb(), actor, organisationId, email, op === "add");
    revalidatePath(`/admin/organisations/${organisationId}`);
    return phrase(result, op === "add" ? "已设为客户培训管理员；对方需重新登录" : "已取消，该账号恢复为学员");
  },
  ["ADMIN"],
);

export const organisationLogoAction = validatedActionWithUser(
  organisationLogoSchema,
  async ({ organisationId, op }, admin, formData) => {
    const file = formData.get("logo");
    const bytes =
      op === "remove" ? null : file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const result = await setOrganisationLogo(getDb(), { id: admin.id, name: admin.name }, organisationId, bytes);
    revalidatePath(`/admin/organisations/${organisationId}`);
    if (result.ok) return { ok: true, message: op === "remove" ? "已删除机构标志" : "已更新机构标志" };
    const { field, message } = LOGO_PROBLEM_MESSAGES[result.code];
    return { fieldErrors: { [field]: message }, message };
  },
  ["ADMIN"],
);

export const closeOrganisationAction = validatedActionWithUser(
  closeOrganisationSchema,
  async ({ organisationId, confirmation }, admin) => {
    const result = await closeOrganisation(getDb(), { id: admin.id, name: admin.name }, organisationId, confirmation);
    revalidatePath(`/admin/organisations/${organisationId}`);
    if (result.ok) {
      return {
        ok: true,
        message: `已结束合作：删除 ${result.erased} 名学员的个人信息，${result.kept} 名同属其他机构的学员保留。`,
      };
    }
    const { field, message } = CLOSE_PROBLEM_MESSAGES[result.code];
    return { fieldErrors: { [field]: message }, message };
  },
  ["ADMIN"],
);
