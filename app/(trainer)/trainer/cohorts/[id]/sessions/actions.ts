"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { markAttendance } from "@/lib/attendance/register";
import { attendanceRuleSchema, markSchema, sessionSchema } from "@/lib/attendance/schema";
import { saveSession, setAttendanceRule } from "@/lib/attendance/sessions";
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
