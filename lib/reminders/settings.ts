// A cohort's reminder settings: edited by the trainers who may see the cohort (and admins), read by
// its bank's client admins. No row means the defaults (rules on, channels and automatic off).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import type { DueDate, RuleSettings } from "./rules";
import type { ReminderSettingsInput } from "./schema";

export type ReminderSettingsView = RuleSettings & {
  emailOn: boolean;
  webhookUrl: string | null;
  automaticOn: boolean;
  dueDates: DueDate[];
};

export const DEFAULT_REMINDER_SETTINGS: Omit<ReminderSettingsView, "dueDates"> = {
  notStartedOn: true,
  notStartedDays: 3,
  dueSoonOn: true,
  inactiveOn: true,
  checkInDueOn: true,
  emailOn: false,
  webhookUrl: null,
  automaticOn: false,
};

/** Client admins read; trainers (of the cohort, by the scope) and admins change and send. */
export const canManageReminders = (viewer: Viewer) => viewer.role === "TRAINER" || viewer.role === "ADMIN";

const settingsSelect = {
  notStartedOn: true,
  notStartedDays: true,
  dueSoonOn: true,
  inactiveOn: true,
  checkInDueOn: true,
  emailOn: true,
  webhookUrl: true,
  automaticOn: true,
} as const;

/** The settings of a cohort the caller has already found through the scope. */
export async function getReminderSettings(db: PrismaClient, cohortId: string): Promise<ReminderSettingsView> {
  const [row, dues] = await Promise.all([
    db.reminderSettings.findUnique({ where: { cohortId }, select: settingsSelect }),
    db.moduleDueDate.findMany({ where: { cohortId }, select: { moduleSlug: true, dueOn: true } }),
  ]);
  return {
    ...(row ?? DEFAULT_REMINDER_SETTINGS),
    dueDates: dues.map((d) => ({ moduleSlug: d.moduleSlug, dueOn: d.dueOn.toISOString().slice(0, 10) })),
  };
}

export type SaveSettingsResult = { ok: true } | { ok: false; code: "FORBIDDEN" | "UNKNOWN_MODULE" };

export async function saveReminderSettings(
  db: PrismaClient,
  viewer: Viewer,
  input: ReminderSettingsInput,
  moduleSlugs: readonly string[],
): Promise<SaveSettingsResult> {
  if (!canManageReminders(viewer)) return { ok: false, code: "FORBIDDEN" };
  const cohort = await db.cohort.findFirst({
    where: scopedCohortWhere(viewer, { id: input.cohortId, organisation: { closedAt: null } }),
    select: { id: true },
  });
  if (!cohort) return { ok: false, code: "FORBIDDEN" };
  if (input.dueDates.some((d) => !moduleSlugs.includes(d.moduleSlug))) return { ok: false, code: "UNKNOWN_MODULE" };
  const { cohortId, dueDates, ...settings } = input;
  await db.$transaction([
    db.reminderSettings.upsert({
      where: { cohortId },
      create: { cohortId, ...settings },
      update: settings,
      select: { cohortId: true },
    }),
    db.moduleDueDate.deleteMany({ where: { cohortId } }),
    db.moduleDueDate.createMany({
      data: dueDates.map((d) => ({ cohortId, moduleSlug: d.moduleSlug, dueOn: new Date(`${d.dueOn}T00:00:00Z`) })),
    }),
  ]);
  return { ok: true };
}
