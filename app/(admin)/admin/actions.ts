"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { unlockSignIn, updateUserAccess } from "@/lib/auth/accounts";
import { adminUnlockSchema, adminUserUpdateSchema } from "@/lib/auth/schemas";
import { getDb } from "@/lib/db/client";

export const updateUserAccessAction = validatedActionWithUser(
  adminUserUpdateSchema,
  async (data, admin) => {
    const result = await updateUserAccess(getDb(), { id: admin.id, name: admin.name }, data.userId, {
      role: data.role,
      disabled: data.disabled,
    });
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.fieldErrors.form };
    revalidatePath("/admin/users");
    return { ok: true, message: "已更新；该用户需重新登录" };
  },
  ["ADMIN"],
);

export const unlockSignInAction = validatedActionWithUser(
  adminUnlockSchema,
  async (data, admin) => {
    const result = await unlockSignIn(getDb(), { id: admin.id, name: admin.name }, data.userId);
    if (!result.ok) return { fieldErrors: result.fieldErrors, message: result.fieldErrors.form };
    revalidatePath("/admin/users");
    return { ok: true, message: "已解除锁定；该用户可以在新设备上登录" };
  },
  ["ADMIN"],
);
