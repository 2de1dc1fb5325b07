"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { markAttendance } from "@/lib/attendance/register";
import { attendanceRuleSchema, deleteSessionSchema, markSchema, sessionSchema } from "@/lib/attendance/schema";
import { deleteSession, saveSession, setAttendanceRule } from "@/lib/attendance/sessions";
import { getDb } from "@/lib/db/client";

const NOT_YOURS = { message: "没有权限修改这个班级的课次" };

export const saveSessionAction = validatedActionWithUser(
  sessionSchema,
  async (data, user) => {
    const r = await saveSession(getDb(), user, data);
    if (!r.ok) return r.code === "NOT_FOUND" ? { message: "这个课次已不存在，请刷新页面" } : NOT_YOURS;
    revalidatePath(`/trainer/cohorts/${data.cohortId}/sessions`);
    return { ok: true, message: data.sessionId ? "课次已保存" : "课次已添加" };
  },
  ["TRAINER"],
);

const DELETE_REFUSED = {
  FORBIDDEN: NOT_YOURS.message,
  NOT_FOUND: "这个课次已不存在，请刷新页面",
  HAS_ATTENDANCE: "这个课次已有签到或登记记录，不能删除；如时间或地点有误，请修改课次",
} as const;

export const deleteSessionAction = validatedActionWithUser(
  deleteSessionSchema,
  async (data, user) => {
    const r = await deleteSession(getDb(), user, data.cohortId, data.sessionId);
    if (!r.ok) return { message: DELETE_REFUSED[r.code] };
    revalidatePath(`/trainer/cohorts/${data.cohortId}/sessions`);
    return { ok: true, message: "课次已删除" };
  },
  ["TRAINER"],
);

export const markAttendanceAction = validatedActionWithUser(
  markSchema,
  async (data, user) => {
    const r = await markAttendance(getDb(), user, data);
    if (!r.ok) return r.code === "NOT_MEMBER" ? { message: "该学员不在本班名单中" } : NOT_YOURS;
    revalidatePath("/trainer/cohorts/[id]/sessions/[sessionId]", "page");
    return { ok: true, message: "已登记" };
  },
  ["TRAINER"],
);

export const attendanceRuleAction = validatedActionWithUser(
  attendanceRuleSchema,
  async (data, user) => {
    if (!(await setAttendanceRule(getDb(), user, data.cohortId, data.minAttendancePercent))) return NOT_YOURS;
    revalidatePath(`/trainer/cohorts/${data.cohortId}/sessions`);
    return {
      ok: true,
      message:
        data.minAttendancePercent === null
          ? "已取消证书的出勤要求"
          : `已设定：出勤率达到 ${data.minAttendancePercent}% 方可获得结业证书`,
    };
  },
  ["TRAINER"],
);
