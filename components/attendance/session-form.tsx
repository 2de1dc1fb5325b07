// The form of a session (课次), new or edited: Beijing date and times, venue, 讲师, 学时, grace.
import { ActionForm } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions/validated-action";
import { formatDate, formatTime } from "@/lib/format/beijing-time";

export type SessionFormProps = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  cohortId: string;
  defaultTrainer: string;
  session?: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    venue: string;
    trainerName: string;
    creditHours: number;
    graceMinutes: number;
    signOutRequired: boolean;
  };
};

export function SessionForm({ action, cohortId, defaultTrainer, session }: SessionFormProps) {
  return (
    <ActionForm
      action={action}
      submitLabel={session ? "保存课次" : "添加课次"}
      hidden={{ cohortId, sessionId: session?.id ?? "" }}
      fields={[
        { name: "title", label: "课次名称", defaultValue: session?.title, hint: "如：第一天上午 · 场景化金融生态" },
        { name: "date", label: "日期", type: "date", defaultValue: session ? formatDate(session.startsAt) : undefined },
        {
          name: "startTime",
          label: "开始时间（北京时间）",
          type: "time",
          defaultValue: session ? formatTime(session.startsAt) : "09:00",
        },
        {
          name: "endTime",
          label: "结束时间（北京时间）",
          type: "time",
          defaultValue: session ? formatTime(session.endsAt) : "12:00",
        },
        { name: "venue", label: "地点", defaultValue: session?.venue, hint: "如：总行培训中心 301 教室" },
        { name: "trainerName", label: "讲师", defaultValue: session?.trainerName ?? defaultTrainer },
        {
          name: "creditHours",
          label: "学时",
          defaultValue: session ? String(session.creditHours) : "3",
          hint: "出勤学员计入的学时，0.5 的整数倍",
        },
        {
          name: "graceMinutes",
          label: "迟到宽限（分钟）",
          defaultValue: String(session?.graceMinutes ?? 10),
          hint: "开始后这段时间内签到仍记为出勤，之后记为迟到",
        },
        {
          name: "signOutRequired",
          label: "需要签退",
          defaultValue: session?.signOutRequired ? "yes" : "no",
          options: [
            { value: "no", label: "不需要" },
            { value: "yes", label: "需要（签退后才计学时）" },
          ],
        },
      ]}
    />
  );
}
