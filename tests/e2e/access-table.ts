// Who may reach what: every page, route handler and server action of app/, for each kind of
// visitor. tests/e2e/access.spec.ts checks each cell over HTTP, and fails when a route or action
// exists in app/ without a row here, so a new one cannot be forgotten.
// clientAdmin is the demo cohort's bank's training admin; otherClientAdmin another bank's.
export type Who = "anonymous" | "learner" | "otherTrainer" | "trainer" | "clientAdmin" | "otherClientAdmin" | "admin";
export const WHO: Who[] = [
  "anonymous",
  "learner",
  "otherTrainer",
  "trainer",
  "clientAdmin",
  "otherClientAdmin",
  "admin",
];

/** ok: served (200). login: sent to the sign-in page. signup: sent to sign-up. me / trainer: sent to
 * that start page. checkIn: sent to the check-in page. 401/403: refused. */
export type Outcome = "ok" | "login" | "signup" | "me" | "trainer" | "checkIn" | 401 | 403 | 404 | 422;

const everyone = (o: Outcome): Record<Who, Outcome> => ({
  anonymous: o,
  learner: o,
  otherTrainer: o,
  trainer: o,
  clientAdmin: o,
  otherClientAdmin: o,
  admin: o,
});
const signedIn = (o: Outcome): Record<Who, Outcome> => ({ ...everyone(o), anonymous: "login" });
// The consultancy's own staff: enquiries, creating cohorts. No client admin.
const trainers: Record<Who, Outcome> = {
  anonymous: "login",
  learner: 403,
  otherTrainer: "ok",
  trainer: "ok",
  clientAdmin: 403,
  otherClientAdmin: 403,
  admin: "ok",
};
// The read-only dashboards' start pages: trainers and client admins (each sees their own cohorts).
const dashboards: Record<Who, Outcome> = { ...trainers, clientAdmin: "ok", otherClientAdmin: "ok" };
// The demo cohort DEMO2026: its trainer, its bank's client admin, the admin.
const cohortOwner: Record<Who, Outcome> = {
  anonymous: "login",
  learner: 403,
  otherTrainer: 403,
  trainer: "ok",
  clientAdmin: "ok",
  otherClientAdmin: 403,
  admin: "ok",
};
// Running the room (the projector's rotating codes): the cohort's trainer and the admin; the bank's
// client admin reads the register but does not take attendance.
const cohortTrainer: Record<Who, Outcome> = { ...cohortOwner, clientAdmin: 403 };
const adminOnly: Record<Who, Outcome> = {
  anonymous: "login",
  learner: 403,
  otherTrainer: 403,
  trainer: 403,
  clientAdmin: 403,
  otherClientAdmin: 403,
  admin: "ok",
};
// Signed-in visitors are sent to their start page: learners /me, everyone else /trainer.
const guestsOnly: Record<Who, Outcome> = {
  anonymous: "ok",
  learner: "me",
  otherTrainer: "trainer",
  trainer: "trainer",
  clientAdmin: "trainer",
  otherClientAdmin: "trainer",
  admin: "trainer",
};

export type RouteRow = {
  /** The file in app/ that serves it. */
  file: string;
  /** A concrete path; {module}, {lesson}, {case}, {cohort}, {rolePlay}… are filled in by the test. */
  path: string;
  expect: Record<Who, Outcome>;
  /** POST-only route handlers are called with this JSON body. */
  post?: unknown;
};

export const ROUTES: RouteRow[] = [
  { file: "app/(marketing)/page.tsx", path: "/", expect: everyone("ok") },
  { file: "app/(learn)/course/page.tsx", path: "/course", expect: everyone("ok") },
  { file: "app/(learn)/course/[module]/page.tsx", path: "/course/{module}", expect: everyone("ok") },
  { file: "app/(learn)/course/[module]/[lesson]/page.tsx", path: "/course/{module}/{lesson}", expect: everyone("ok") },
  { file: "app/(learn)/cases/page.tsx", path: "/cases", expect: everyone("ok") },
  { file: "app/(learn)/cases/[slug]/page.tsx", path: "/cases/{case}", expect: everyone("ok") },
  { file: "app/(learn)/exercises/page.tsx", path: "/exercises", expect: everyone("ok") },
  { file: "app/(learn)/exercises/[slug]/page.tsx", path: "/exercises/activity-rates", expect: everyone("ok") },
  { file: "app/(learn)/glossary/page.tsx", path: "/glossary", expect: everyone("ok") },
  // Share cards (og:image) of public pages: public like the pages; an unknown lesson is 404.
  { file: "app/og/site/route.ts", path: "/og/site", expect: everyone("ok") },
  { file: "app/og/lessons/[module]/[lesson]/route.ts", path: "/og/lessons/{module}/{lesson}", expect: everyone("ok") },
  {
    file: "app/og/lessons/[module]/[lesson]/route.ts",
    path: "/og/lessons/{module}/no-such-lesson",
    expect: everyone(404),
  },
  { file: "app/og/cases/[slug]/route.ts", path: "/og/cases/{case}", expect: everyone("ok") },
  // A certificate's card is as public as its page; a made-up id is 404 for everyone.
  {
    file: "app/og/certificates/[id]/route.ts",
    path: "/og/certificates/AAAAAAAAAAAAAAAAAAAA",
    expect: everyone(404),
  },
  // Worksheets: any signed-in user; the .xlsx answers 401 (not a redirect) when signed out.
  { file: "app/(learn)/worksheets/page.tsx", path: "/worksheets", expect: signedIn("ok") },
  { file: "app/(learn)/worksheets/[slug]/page.tsx", path: "/worksheets/objection-sort", expect: signedIn("ok") },
  {
    file: "app/(learn)/worksheets/[slug]/xlsx/route.ts",
    path: "/worksheets/daily-report/xlsx",
    expect: { ...signedIn("ok"), anonymous: 401 },
  },
  { file: "app/(learn)/me/page.tsx", path: "/me", expect: signedIn("ok") },
  { file: "app/(learn)/me/review/page.tsx", path: "/me/review", expect: signedIn("ok") },
  // A learner's own 行动计划 (issue 18): anyone signed in files and reports their own, nobody else's.
  { file: "app/(learn)/me/action-plan/page.tsx", path: "/me/action-plan", expect: signedIn("ok") },
  // A certificate in full (decision 0030): its holder, the staff of its class and its bank's client
  // admins. {certificate} is a SPRING26 learner's (DFB, trainer@demo.local), so learner1 is refused
  // like another bank's people; a made-up number is 404 once signed in.
  { file: "app/(learn)/certificates/[id]/page.tsx", path: "/certificates/{certificate}", expect: cohortOwner },
  {
    file: "app/(learn)/certificates/[id]/page.tsx",
    path: "/certificates/AAAAAAAAAAAAAAAAAAAA",
    expect: { ...signedIn(404), anonymous: "login" },
  },
  ...(["png", "pdf"] as const).flatMap((format): RouteRow[] => [
    {
      file: `app/api/certificates/[id]/${format}/route.ts`,
      path: `/api/certificates/{certificate}/${format}`,
      expect: { ...cohortOwner, anonymous: 401 },
    },
    {
      file: `app/api/certificates/[id]/${format}/route.ts`,
      path: `/api/certificates/AAAAAAAAAAAAAAAAAAAA/${format}`,
      expect: { ...signedIn(404), anonymous: 401 },
    },
  ]),
  // The public verification page (masked name); a made-up number is 404 for everyone.
  { file: "app/(marketing)/verify/[id]/page.tsx", path: "/verify/{certificate}", expect: everyone("ok") },
  { file: "app/(marketing)/verify/[id]/page.tsx", path: "/verify/AAAAAAAAAAAAAAAAAAAA", expect: everyone(404) },
  // The certificate's issuer, signatory, seal and signature.
  { file: "app/(admin)/admin/certificate/page.tsx", path: "/admin/certificate", expect: adminOnly },
  { file: "app/(learn)/quiz/[quizId]/page.tsx", path: "/quiz/{module}", expect: everyone("ok") },
  // A made-up attempt id: signed-in users get 404 (someone else's attempt looks the same).
  { file: "app/(learn)/quiz/attempt/[id]/page.tsx", path: "/quiz/attempt/not-an-attempt", expect: signedIn(404) },
  {
    file: "app/(learn)/join/[code]/page.tsx",
    path: "/join/DEMO2026",
    expect: { ...signedIn("ok"), anonymous: "signup" },
  },
  // An unknown code is explained on the page itself, to everyone.
  { file: "app/(learn)/join/[code]/page.tsx", path: "/join/NOSUCH99", expect: everyone("ok") },
  { file: "app/(auth)/login/page.tsx", path: "/login", expect: guestsOnly },
  // One-time links are public (the link is the credential); a made-up one gets a page saying what
  // to do, for everyone, never an error.
  { file: "app/(auth)/activate/[token]/page.tsx", path: `/activate/${"A".repeat(43)}`, expect: everyone("ok") },
  {
    file: "app/(auth)/reset-password/[token]/page.tsx",
    path: `/reset-password/${"A".repeat(43)}`,
    expect: everyone("ok"),
  },
  { file: "app/(auth)/forgot-password/page.tsx", path: "/forgot-password", expect: everyone("ok") },
  { file: "app/(auth)/signup/page.tsx", path: "/signup", expect: guestsOnly },
  { file: "app/(trainer)/trainer/page.tsx", path: "/trainer", expect: dashboards },
  { file: "app/(trainer)/trainer/cohorts/[id]/page.tsx", path: "/trainer/cohorts/{cohort}", expect: cohortOwner },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/quizzes/page.tsx",
    path: "/trainer/cohorts/{cohort}/quizzes",
    expect: cohortOwner,
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/quizzes/[quizId]/page.tsx",
    path: "/trainer/cohorts/{cohort}/quizzes/{module}",
    expect: cohortOwner,
  },
  // A made-up quiz in one's own cohort: 404; in someone else's cohort: still 403 (nothing leaks).
  {
    file: "app/(trainer)/trainer/cohorts/[id]/quizzes/[quizId]/page.tsx",
    path: "/trainer/cohorts/{cohort}/quizzes/no-such-quiz",
    expect: { ...cohortOwner, trainer: 404, clientAdmin: 404, admin: 404 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/learners/[learnerId]/page.tsx",
    path: "/trainer/cohorts/{cohort}/learners/{learner}",
    expect: cohortOwner,
  },
  // A learner who is not in this cohort (learner5 is in BRANCH26): 404 even for the admin.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/learners/[learnerId]/page.tsx",
    path: "/trainer/cohorts/{cohort}/learners/{outsider}",
    expect: { ...cohortOwner, trainer: 404, clientAdmin: 404, admin: 404 },
  },
  // A made-up cohort id looks exactly like someone else's cohort: 403.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/page.tsx",
    path: "/trainer/cohorts/not-a-cohort",
    expect: { ...cohortOwner, trainer: 403, clientAdmin: 403, admin: 403 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/export/route.ts",
    path: "/trainer/cohorts/{cohort}/export?data=progress&format=csv",
    expect: { ...cohortOwner, anonymous: 401 },
  },
  // QR posters for the class's WeChat group: the invite poster carries the invite link (the
  // cohort's trainer and the admin); the course poster only the course's address (its bank's
  // client admin too). An unknown kind of poster is 404 before any cohort is looked at.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/posters/[kind]/route.ts",
    path: "/trainer/cohorts/{cohort}/posters/invite",
    expect: { ...cohortTrainer, anonymous: 401 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/posters/[kind]/route.ts",
    path: "/trainer/cohorts/{cohort}/posters/course",
    expect: { ...cohortOwner, anonymous: 401 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/posters/[kind]/route.ts",
    path: "/trainer/cohorts/{cohort}/posters/no-such-poster",
    expect: { ...signedIn(404), anonymous: 401, learner: 403 },
  },
  // The 结项报告 (issue 18) and its .xlsx pack: whoever may read the cohort. A made-up cohort: 403.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/report/page.tsx",
    path: "/trainer/cohorts/{cohort}/report",
    expect: cohortOwner,
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/report/page.tsx",
    path: "/trainer/cohorts/not-a-cohort/report",
    expect: { ...cohortOwner, trainer: 403, clientAdmin: 403, admin: 403 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/report/xlsx/route.ts",
    path: "/trainer/cohorts/{cohort}/report/xlsx",
    expect: { ...cohortOwner, anonymous: 401 },
  },
  // The bank's report across its cohorts: its assigned trainer (over their own cohorts there), its
  // client admin and the admin; another bank's admin and an unassigned trainer are refused, and a
  // made-up organisation looks the same as someone else's.
  {
    file: "app/(trainer)/trainer/organisations/[id]/report/page.tsx",
    path: "/trainer/organisations/{organisation}/report",
    expect: cohortOwner,
  },
  {
    file: "app/(trainer)/trainer/organisations/[id]/report/page.tsx",
    path: "/trainer/organisations/not-an-organisation/report",
    expect: { ...cohortOwner, trainer: 403, clientAdmin: 403, admin: 403 },
  },
  {
    file: "app/(trainer)/trainer/organisations/[id]/report/xlsx/route.ts",
    path: "/trainer/organisations/{organisation}/report/xlsx",
    expect: { ...cohortOwner, anonymous: 401 },
  },
  // Roster import: the cohort's trainer and the admin; the bank's client admin only reads the cohort.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/roster/template/route.ts",
    path: "/trainer/cohorts/{cohort}/roster/template",
    expect: { ...cohortOwner, anonymous: 401, clientAdmin: 403 },
  },
  // Posted without a file: those allowed get 422 (nothing to read), everyone else 401/403.
  ...(["preview", "import"] as const).map((step): RouteRow => ({
    file: `app/api/cohorts/[id]/roster/${step}/route.ts`,
    path: `/api/cohorts/{cohort}/roster/${step}`,
    post: {},
    expect: { ...cohortOwner, anonymous: 401, clientAdmin: 403, trainer: 422, admin: 422 },
  })),
  // Who has not activated yet: the client admin reads it too (issuing is trainers' only, below).
  {
    file: "app/(trainer)/trainer/cohorts/[id]/activation/page.tsx",
    path: "/trainer/cohorts/{cohort}/activation",
    expect: cohortOwner,
  },
  // Surveys and the pre-test (issue 17): the cohort's trainer opens them, its bank's client admins read.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/surveys/page.tsx",
    path: "/trainer/cohorts/{cohort}/surveys",
    expect: cohortOwner,
  },
  // A made-up run in one's own cohort: 404; in someone else's cohort: 403 (nothing leaks).
  {
    file: "app/(trainer)/trainer/cohorts/[id]/surveys/[runId]/page.tsx",
    path: "/trainer/cohorts/{cohort}/surveys/not-a-run",
    expect: { ...cohortOwner, trainer: 404, clientAdmin: 404, admin: 404 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/surveys/[runId]/export/route.ts",
    path: "/trainer/cohorts/{cohort}/surveys/not-a-run/export",
    expect: { ...cohortOwner, anonymous: 401, trainer: 404, clientAdmin: 404, admin: 404 },
  },
  // A cohort's action-plan follow-through: its trainer, and its bank's client admins read it.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/action-plans/page.tsx",
    path: "/trainer/cohorts/{cohort}/action-plans",
    expect: cohortOwner,
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/pretest/page.tsx",
    path: "/trainer/cohorts/{cohort}/pretest",
    expect: cohortOwner,
  },
  // A learner's survey or pre-test: only members of its cohort; anything else looks missing.
  { file: "app/(learn)/surveys/[runId]/page.tsx", path: "/surveys/not-a-run", expect: signedIn(404) },
  { file: "app/(learn)/pretest/[id]/page.tsx", path: "/pretest/not-a-pretest", expect: signedIn(404) },
  // Classroom sessions (课次) and 签到: the register and 签到表 are read by the bank's client admin too.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/sessions/page.tsx",
    path: "/trainer/cohorts/{cohort}/sessions",
    expect: cohortOwner,
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/sessions/[sessionId]/page.tsx",
    path: "/trainer/cohorts/{cohort}/sessions/{session}",
    expect: cohortOwner,
  },
  // A made-up session in one's own cohort: 404; in someone else's cohort: 403.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/sessions/[sessionId]/page.tsx",
    path: "/trainer/cohorts/{cohort}/sessions/nosuchsession",
    expect: { ...cohortOwner, trainer: 404, clientAdmin: 404, admin: 404 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/sessions/[sessionId]/sheet/page.tsx",
    path: "/trainer/cohorts/{cohort}/sessions/{session}/sheet",
    expect: cohortOwner,
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/sessions/[sessionId]/export/route.ts",
    path: "/trainer/cohorts/{cohort}/sessions/{session}/export",
    expect: { ...cohortOwner, anonymous: 401 },
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/sessions/[sessionId]/screen/page.tsx",
    path: "/trainer/cohorts/{cohort}/sessions/{session}/screen",
    expect: cohortTrainer,
  },
  {
    file: "app/(trainer)/trainer/cohorts/[id]/sessions/[sessionId]/live/route.ts",
    path: "/trainer/cohorts/{cohort}/sessions/{session}/live",
    expect: { ...cohortTrainer, anonymous: 401 },
  },
  // 学习提醒: the 待提醒 list and send log, read by the bank's client admin too.
  {
    file: "app/(trainer)/trainer/cohorts/[id]/reminders/page.tsx",
    path: "/trainer/cohorts/{cohort}/reminders",
    expect: cohortOwner,
  },
  // The opt-out link of a reminder mail: public (the signature is the credential); a bad one says so.
  {
    file: "app/(marketing)/reminders/opt-out/[token]/page.tsx",
    path: "/reminders/opt-out/bad",
    expect: everyone("ok"),
  },
  // The learner's side: the page explains itself to everyone; a scanned link with a made-up or
  // expired token goes to it with the reason (a valid one leaves a pass first).
  { file: "app/(learn)/check-in/page.tsx", path: "/check-in", expect: everyone("ok") },
  { file: "app/(learn)/check-in/[token]/route.ts", path: "/check-in/not.a.real.token", expect: everyone("checkIn") },
  { file: "app/(trainer)/trainer/topics/page.tsx", path: "/trainer/topics", expect: dashboards },
  { file: "app/(trainer)/trainer/topics/page.tsx", path: "/trainer/topics?c={cohort}", expect: cohortOwner },
  // The trainer kit (agendas, facilitator notes, case teaching notes): every trainer and admin.
  { file: "app/(trainer)/trainer/kit/page.tsx", path: "/trainer/kit", expect: trainers },
  { file: "app/(trainer)/trainer/kit/[doc]/page.tsx", path: "/trainer/kit/agenda-1-day", expect: trainers },
  {
    file: "app/(trainer)/trainer/kit/[doc]/page.tsx",
    path: "/trainer/kit/no-such-doc",
    expect: { ...trainers, otherTrainer: 404, trainer: 404, admin: 404 },
  },
  {
    file: "app/(trainer)/trainer/kit/modules/[module]/page.tsx",
    path: "/trainer/kit/modules/{module}",
    expect: trainers,
  },
  { file: "app/(trainer)/trainer/kit/cases/[case]/page.tsx", path: "/trainer/kit/cases/{case}", expect: trainers },
  {
    file: "app/(trainer)/trainer/kit/role-plays/[slug]/page.tsx",
    path: "/trainer/kit/role-plays/{rolePlay}",
    expect: trainers,
  },
  { file: "app/(admin)/admin/users/page.tsx", path: "/admin/users", expect: adminOnly },
  { file: "app/(admin)/admin/audit/page.tsx", path: "/admin/audit", expect: adminOnly },
  { file: "app/(admin)/admin/organisations/page.tsx", path: "/admin/organisations", expect: adminOnly },
  {
    file: "app/(admin)/admin/organisations/[id]/page.tsx",
    path: "/admin/organisations/{organisation}",
    expect: adminOnly,
  },
  {
    file: "app/(admin)/admin/organisations/[id]/page.tsx",
    path: "/admin/organisations/not-an-organisation",
    expect: { ...adminOnly, admin: 404 },
  },
  // End of contract: the confirmation page and the export pack (an admin's export of the demo bank
  // is audited, and harmless). A made-up organisation is 404 for the admin.
  {
    file: "app/(admin)/admin/organisations/[id]/close/page.tsx",
    path: "/admin/organisations/{organisation}/close",
    expect: adminOnly,
  },
  {
    file: "app/(admin)/admin/organisations/[id]/close/page.tsx",
    path: "/admin/organisations/not-an-organisation/close",
    expect: { ...adminOnly, admin: 404 },
  },
  {
    file: "app/(admin)/admin/organisations/[id]/export/route.ts",
    path: "/admin/organisations/{organisation}/export",
    expect: { ...adminOnly, anonymous: 401 },
  },
  {
    file: "app/(admin)/admin/organisations/[id]/export/route.ts",
    path: "/admin/organisations/not-an-organisation/export",
    expect: { ...adminOnly, anonymous: 401, admin: 404 },
  },
  // The demo bank's logo: its trainer, client admin and the admin may read it (404: it has none);
  // anyone else is refused whether or not it exists.
  {
    file: "app/api/organisations/[id]/logo/route.ts",
    path: "/api/organisations/{organisation}/logo",
    expect: { ...cohortOwner, anonymous: 401, trainer: 404, clientAdmin: 404, admin: 404 },
  },
  {
    file: "app/api/organisations/[id]/logo/route.ts",
    path: "/api/organisations/not-an-organisation/logo",
    expect: { ...signedIn(403), anonymous: 401 },
  },
  {
    file: "app/(admin)/admin/audit/export/route.ts",
    path: "/admin/audit/export?format=csv",
    expect: { ...adminOnly, anonymous: 401 },
  },
  // Someone else's or a made-up attempt: 404 for every signed-in user, 401 when signed out.
  {
    file: "app/api/attempts/[id]/answers/route.ts",
    path: "/api/attempts/not-an-attempt/answers",
    post: { questionVersionId: "x", response: {} },
    expect: { ...signedIn(404), anonymous: 401 },
  },
  {
    file: "app/api/attempts/[id]/submit/route.ts",
    path: "/api/attempts/not-an-attempt/submit",
    post: { answers: {} },
    expect: { ...signedIn(404), anonymous: 401 },
  },
  // The exam page's hidden-page beacon: only the learner's own open attempt counts.
  {
    file: "app/api/attempts/[id]/visibility/route.ts",
    path: "/api/attempts/not-an-attempt/visibility",
    post: {},
    expect: { ...signedIn(404), anonymous: 401 },
  },
  {
    file: "app/api/quizzes/[quizId]/attempts/route.ts",
    path: "/api/quizzes/no-such-quiz/attempts",
    post: {},
    expect: { ...signedIn(404), anonymous: 401 },
  },
  // The course's full introduction, linked from the landing page.
  { file: "app/(marketing)/about/page.tsx", path: "/about", expect: everyone("ok") },
  { file: "app/(marketing)/enquiry/page.tsx", path: "/enquiry", expect: everyone("ok") },
  { file: "app/(marketing)/enquiry/thanks/page.tsx", path: "/enquiry/thanks", expect: everyone("ok") },
  // The provider's privacy notice, linked from every page's footer.
  { file: "app/(marketing)/privacy/page.tsx", path: "/privacy", expect: everyone("ok") },
  // Public; an empty enquiry is refused with field errors for everyone and stores nothing.
  { file: "app/api/enquiries/route.ts", path: "/api/enquiries", post: {}, expect: everyone(422) },
  { file: "app/api/enquiries/token/route.ts", path: "/api/enquiries/token", expect: everyone("ok") },
  // The inbox is the whole sales team's (every trainer and admin), not one cohort's.
  { file: "app/(trainer)/trainer/enquiries/page.tsx", path: "/trainer/enquiries", expect: trainers },
  { file: "app/(trainer)/trainer/enquiries/[id]/page.tsx", path: "/trainer/enquiries/{enquiry}", expect: trainers },
  {
    file: "app/(trainer)/trainer/enquiries/[id]/page.tsx",
    path: "/trainer/enquiries/not-an-enquiry",
    expect: { ...trainers, otherTrainer: 404, trainer: 404, admin: 404 },
  },
  {
    file: "app/(trainer)/trainer/enquiries/export/route.ts",
    path: "/trainer/enquiries/export?format=csv",
    expect: { ...trainers, anonymous: 401 },
  },
  { file: "app/api/health/route.ts", path: "/api/health", expect: everyone("ok") },
  { file: "app/api/me/route.ts", path: "/api/me", expect: everyone("ok") },
  // Anyone may ask; only a signed-in learner's own ticks are read.
  {
    file: "app/api/me/lesson-status/route.ts",
    path: "/api/me/lesson-status?module={module}&lesson={lesson}",
    expect: everyone("ok"),
  },
  { file: "app/api/auth/[...nextauth]/route.ts", path: "/api/auth/session", expect: everyone("ok") },
];

export type ActionRow = {
  /** "file#exportedName", as in Next's server-reference manifest. */
  action: string;
  /** The page the action is posted to (as the browser would). */
  page: string;
  /** Form fields ({cohort}… filled in like paths). Chosen to fail validation or to change nothing, so
   * an allowed caller gets field errors or a message and nothing changes. */
  form: Record<string, string>;
  expect: Record<Who, Outcome>;
};

export const ACTIONS: ActionRow[] = [
  { action: "app/(auth)/actions.ts#signupAction", page: "/signup", form: { name: "" }, expect: everyone("ok") },
  // After the sign-in form has signed in: joins the invite's class, redirects to the start page.
  {
    action: "app/(auth)/actions.ts#afterSignInAction",
    page: "/login",
    form: { inviteCode: "!" },
    expect: signedIn("ok"),
  },
  // Public: the link is the credential. No token, no password: field errors for everyone.
  {
    action: "app/(auth)/actions.ts#setPasswordWithLinkAction",
    page: `/activate/${"A".repeat(43)}`,
    form: { token: "" },
    expect: everyone("ok"),
  },
  // Public; without SMTP it says to ask the trainer, with it the same answer for every account.
  {
    action: "app/(auth)/actions.ts#requestPasswordResetAction",
    page: "/forgot-password",
    form: { identifier: "" },
    expect: everyone("ok"),
  },
  // Issuing links: the cohort's trainer and admins; never a client admin (read-only), nor another
  // trainer (403, the cohort is not theirs). DEMO2026's learners are all activated, so an allowed
  // caller is told there is nobody to issue for, and nothing is issued.
  {
    action: "app/(trainer)/trainer/cohorts/[id]/activation/actions.ts#issueActivationLinksAction",
    page: "/trainer/cohorts/{cohort}/activation",
    form: { cohortId: "{cohort}", scope: "pending" },
    expect: { ...cohortOwner, clientAdmin: 403 },
  },
  // learner5 is not in DEMO2026: an allowed caller is told so, and no link is issued.
  {
    action: "app/(trainer)/trainer/cohorts/[id]/learners/[learnerId]/actions.ts#issueLearnerLinkAction",
    page: "/trainer/cohorts/{cohort}/learners/{learner}",
    form: { cohortId: "{cohort}", learnerId: "{outsider}" },
    expect: { ...cohortOwner, clientAdmin: 403 },
  },
  { action: "app/(learn)/me/actions.ts#updateProfileAction", page: "/me", form: { name: "" }, expect: signedIn("ok") },
  {
    action: "app/(learn)/me/actions.ts#changePasswordAction",
    page: "/me",
    form: { currentPassword: "" },
    expect: signedIn("ok"),
  },
  {
    action: "app/(learn)/me/actions.ts#joinCohortAction",
    page: "/me",
    form: { inviteCode: "" },
    expect: signedIn("ok"),
  },
  {
    action: "app/(trainer)/trainer/actions.ts#createCohortAction",
    page: "/trainer",
    form: { name: "" },
    expect: trainers,
  },
  ...(["saveSessionAction", "markAttendanceAction", "attendanceRuleAction", "deleteSessionAction"] as const).map(
    (name): ActionRow => ({
      action: `app/(trainer)/trainer/cohorts/[id]/sessions/actions.ts#${name}`,
      page: "/trainer/cohorts/{cohort}/sessions",
      form: { cohortId: "" },
      expect: trainers,
    }),
  ),
  // Reminder settings and 一键催学: trainers (another trainer's cohort, or a blank id: a refusal
  // message, nothing changes); never a client admin, who only reads.
  ...(["saveReminderSettingsAction", "sendRemindersNowAction"] as const).map((name): ActionRow => ({
    action: `app/(trainer)/trainer/cohorts/[id]/reminders/actions.ts#${name}`,
    page: "/trainer/cohorts/{cohort}/reminders",
    form: { cohortId: "" },
    expect: trainers,
  })),
  // A learner's own reminder-mail opt-out: any signed-in user, for themselves only.
  {
    action: "app/(learn)/me/actions.ts#reminderOptOutAction",
    page: "/me",
    form: { optOut: "" },
    expect: signedIn("ok"),
  },
  // The typed 签到 code: any signed-in user may try (a wrong code changes nothing).
  {
    action: "app/(learn)/check-in/actions.ts#checkInCodeAction",
    page: "/check-in",
    form: { code: "" },
    expect: signedIn("ok"),
  },
  {
    action: "app/(admin)/admin/actions.ts#updateUserAccessAction",
    page: "/admin/users",
    form: { userId: "" },
    expect: adminOnly,
  },
  {
    action: "app/(admin)/admin/actions.ts#unlockSignInAction",
    page: "/admin/users",
    form: { userId: "" },
    expect: adminOnly,
  },
  {
    action: "app/(admin)/admin/organisations/actions.ts#createOrganisationAction",
    page: "/admin/organisations",
    form: { name: "" },
    expect: adminOnly,
  },
  ...(["updateOrganisationAction", "assignTrainerAction", "clientAdminAction", "organisationLogoAction"] as const).map(
    (name): ActionRow => ({
      action: `app/(admin)/admin/organisations/actions.ts#${name}`,
      page: "/admin/organisations/{organisation}",
      form: { organisationId: "" },
      expect: adminOnly,
    }),
  ),
  {
    action: "app/(admin)/admin/organisations/actions.ts#closeOrganisationAction",
    page: "/admin/organisations/{organisation}/close",
    form: { organisationId: "" },
    expect: adminOnly,
  },
  // Revoking: trainers and admins (revokeCertificate then checks the class; a blank number is a
  // field error and changes nothing); never a learner or a client admin, who only read.
  {
    action: "app/(learn)/certificates/[id]/actions.ts#revokeCertificateAction",
    page: "/certificates/{certificate}",
    form: { certificateId: "" },
    expect: trainers,
  },
  ...(["certificateWordingAction", "certificateImageAction"] as const).map((name): ActionRow => ({
    action: `app/(admin)/admin/certificate/actions.ts#${name}`,
    page: "/admin/certificate",
    form: {},
    expect: adminOnly,
  })),
  {
    action: "app/(marketing)/enquiry/actions.ts#submitEnquiryAction",
    page: "/enquiry",
    form: { name: "" },
    expect: everyone("ok"),
  },
  {
    action: "app/(trainer)/trainer/enquiries/actions.ts#followUpEnquiryAction",
    page: "/trainer/enquiries/{enquiry}",
    form: { enquiryId: "" },
    expect: trainers,
  },
  {
    action: "app/(trainer)/trainer/enquiries/actions.ts#eraseEnquiryAction",
    page: "/trainer/enquiries/{enquiry}",
    form: { enquiryId: "" },
    expect: trainers,
  },
  // Marking needs a user; anyone else gets a message and nothing changes.
  {
    action: "app/(learn)/progress/actions.ts#markLessonDoneAction",
    page: "/course/{module}/{lesson}",
    form: {},
    expect: everyone("ok"),
  },
  { action: "app/(learn)/me/review/actions.ts#practiceAction", page: "/me/review", form: {}, expect: signedIn("ok") },
  // Filing and reporting one's own plan; an empty form is refused field by field and stores nothing.
  ...(["fileActionPlanAction", "reviseActionPlanAction", "submitCheckInAction"] as const).map((name): ActionRow => ({
    action: `app/(learn)/me/action-plan/actions.ts#${name}`,
    page: "/me/action-plan",
    form: {},
    expect: signedIn("ok"),
  })),
  {
    action: "app/(trainer)/trainer/cohorts/[id]/surveys/actions.ts#openSurveyAction",
    page: "/trainer/cohorts/{cohort}/surveys",
    form: { cohortId: "" },
    expect: trainers,
  },
  {
    action: "app/(trainer)/trainer/cohorts/[id]/pretest/actions.ts#openPreTestAction",
    page: "/trainer/cohorts/{cohort}/pretest",
    form: { cohortId: "" },
    expect: trainers,
  },
  // Any signed-in user may call them; without a run of their own cohort nothing is stored.
  {
    action: "app/(learn)/surveys/[runId]/actions.ts#submitSurveyAction",
    page: "/surveys/not-a-run",
    form: { runId: "" },
    expect: signedIn("ok"),
  },
  ...(["startPreTestAction", "submitPreTestAction"] as const).map((name): ActionRow => ({
    action: `app/(learn)/pretest/[id]/actions.ts#${name}`,
    page: "/pretest/not-a-pretest",
    form: { preTestId: "" },
    expect: signedIn("ok"),
  })),
  // The final's window and an extra attempt (issue 19): trainers and admins; a blank cohort is
  // refused field by field and changes nothing; never a client admin, who only reads.
  {
    action: "app/(trainer)/trainer/cohorts/[id]/quizzes/actions.ts#saveExamWindowAction",
    page: "/trainer/cohorts/{cohort}/quizzes",
    form: { cohortId: "" },
    expect: trainers,
  },
  {
    action: "app/(trainer)/trainer/cohorts/[id]/learners/[learnerId]/actions.ts#grantExtraAttemptAction",
    page: "/trainer/cohorts/{cohort}/learners/{learner}",
    form: { cohortId: "" },
    expect: trainers,
  },
  // 更新数据 of the 结项报告: whoever may open the report (another bank's client admin, another trainer:
  // 403). The real ids, so the scope check is what refuses; an allowed caller regenerates the snapshot.
  {
    action: "app/(trainer)/trainer/cohorts/[id]/report/actions.ts#refreshCohortReportAction",
    page: "/trainer/cohorts/{cohort}/report",
    form: { cohortId: "{cohort}" },
    expect: cohortOwner,
  },
  {
    action: "app/(trainer)/trainer/organisations/[id]/report/actions.ts#refreshOrganisationReportAction",
    page: "/trainer/organisations/{organisation}/report",
    form: { organisationId: "{organisation}" },
    expect: cohortOwner,
  },
  // Everyone may call it; signed-out callers just land home. The spec signs out throwaway accounts (it ends all of a user's sessions).
  { action: "app/(auth)/actions.ts#signOutAction", page: "/me", form: {}, expect: everyone("ok") },
];
