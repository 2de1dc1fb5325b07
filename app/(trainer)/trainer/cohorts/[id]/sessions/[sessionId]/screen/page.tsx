import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CheckInScreen } from "@/components/attendance/check-in-screen";
import { getScreenState, siteOrigin } from "@/lib/attendance/screen";
import { findVisibleSession } from "@/lib/attendance/sessions";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { env } from "@/lib/env";
import { formatDate, formatTime } from "@/lib/format/beijing-time";

export const metadata: Metadata = { title: "签到屏幕" };

type ScreenPageProps = { params: Promise<{ id: string; sessionId: string }> };

// The projector's page: trainers only. A client admin reads the register but does not run the room.
export default async function ScreenPage({ params }: ScreenPageProps) {
  const { id, sessionId } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/sessions/${sessionId}/screen`, [
    "TRAINER",
  ]);
  const session = await findVisibleSession(db, user, cohort.id, sessionId);
  if (!session) notFound();
  const origin = siteOrigin(env.SITE_URL, await headers());
  const initial = await getScreenState(db, origin, session, "in");
  return (
    <CheckInScreen
      liveUrl={`/trainer/cohorts/${cohort.id}/sessions/${session.id}/live`}
      registerUrl={`/trainer/cohorts/${cohort.id}/sessions/${session.id}`}
      manualUrl={`${origin}/check-in`}
      title={`${cohort.name} · ${session.title}`}
      subtitle={`${formatDate(session.startsAt)} ${formatTime(session.startsAt)}–${formatTime(session.endsAt)} · ${session.venue}`}
      signOut={session.signOutRequired}
      initial={initial}
    />
  );
}
