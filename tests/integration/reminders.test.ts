// 学习提醒 on a real PostgreSQL server, a real SMTP server and a real HTTP server on loopback:
// two runs of the periodic job at once send each learner one mail; an opted-out learner gets none;
// quiet hours hold the automatic job; the 企业微信 summary is retried after the endpoint fails.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { keepProgressRollupFor } from "@/lib/dashboard/learner-progress";
import { smtpMailer } from "@/lib/enquiries/notify";
import { drainMail } from "@/lib/mail/queue";
import { setReminderOptOut, verifyOptOutToken } from "@/lib/reminders/opt-out";
import { learnersWithCheckInDue } from "@/lib/reminders/check-ins";
import { allDueReminders, REACHES, reminderPage } from "@/lib/reminders/decide";
import { REMINDER_PAGE_SIZE, RULE_FILTERS, ruleFilter, type RuleFilter } from "@/lib/reminders/params";
import {
  beijingDay,
  dueReminders,
  REMINDER_RULES,
  type DueDate,
  type LearnerFacts,
  type RuleSettings,
} from "@/lib/reminders/rules";
import { runAutomaticReminders, sendReminders } from "@/lib/reminders/send";
import { nameSortKey } from "@/lib/sorting/pinyin";
import { drainWebhooks } from "@/lib/reminders/webhook";
import { createPostgresTestDb, noPostgres, type PostgresTestDb } from "../support/postgres-test-db";
import { assignTestTrainer, testOrganisationId } from "../support/organisations";
import { decodeBody, startSmtp } from "../support/smtp-server";

process.env.NEXTAUTH_SECRET ??= "integration-secret-integration-secret";

const COURSE: CourseShape = {
  modules: [{ slug: "m1", number: 1, title: "单元一", lessons: ["l1"], quizId: null, quizTitle: null }],
  finalQuizId: null,
};
const SITE = "https://training.example.cn";
// 2026-03-10 10:00 Beijing time: outside quiet hours.
const DAY_TIME = new Date("2026-03-10T02:00:00Z");
const LEARNERS = 20;

describe.skipIf(noPostgres)(`reminders on PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ""}`, () => {
  let t: PostgresTestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hook: Server;
  let hookUrl: string;
  const hookBodies: string[] = [];
  let hookCalls = 0;
  let org: string;
  let trainerId: string;

  async function cohortWithLearners(code: string, settings: Record<string, unknown>) {
    const cohortId = (
      await t.db.cohort.create({
        data: { name: `${code} 班`, inviteCode: code, trainerId, organisationId: org },
        select: { id: true },
      })
    ).id;
    const ids = Array.from({ length: LEARNERS }, (_, i) => `${code.toLowerCase()}${i}`);
    await t.db.user.createMany({
      data: ids.map((id, i) => ({ id, email: `${id}@bank.test`, name: `学员${code}${i}`, passwordHash: "x" })),
    });
    // Joined ten days ago and never started: the NOT_STARTED rule applies to all.
    await t.db.cohortMember.createMany({
      data: ids.map((userId) => ({ cohortId, userId, joinedAt: new Date(DAY_TIME.getTime() - 10 * 86_400_000) })),
    });
    await t.db.reminderSettings.create({ data: { cohortId, ...settings } });
    return { cohortId, ids };
  }

  beforeAll(async () => {
    t = await createPostgresTestDb(10);
    smtp = await startSmtp();
    org = await testOrganisationId(t.db);
    trainerId = (
      await t.db.user.create({
        data: { email: "trainer@rem.test", name: "培训师", passwordHash: "x", role: "TRAINER" },
        select: { id: true },
      })
    ).id;
    await assignTestTrainer(t.db, org, trainerId);
    // The group robot's stand-in: fails the first request with 502, then answers as 企业微信 does.
    hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        hookCalls++;
        if (hookCalls === 1) {
          res.writeHead(502).end("bad gateway");
          return;
        }
        hookBodies.push(body);
        res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => (hook ? hook.close(() => r()) : r()));
    await new Promise<void>((r) => (smtp ? smtp.server.close(() => r()) : r()));
    await t?.close();
  });

  it("sends each learner one mail when two runs of the job race, and none again that day", async () => {
    const { ids } = await cohortWithLearners("RACE", { emailOn: true, automaticOn: true });
    const [a, b] = await Promise.all([
      runAutomaticReminders(t.db, { course: COURSE, siteUrl: SITE, now: DAY_TIME }),
      runAutomaticReminders(t.db, { course: COURSE, siteUrl: SITE, now: DAY_TIME }),
    ]);
    expect(a.cohorts).toBe(1);
    expect(b.cohorts).toBe(1);
    const sends = await t.db.reminderSend.findMany({
      where: { userId: { in: ids } },
      select: { userId: true, rule: true },
    });
    expect(sends).toHaveLength(LEARNERS);
    expect(new Set(sends.map((s) => s.rule))).toEqual(new Set(["NOT_STARTED"]));
    expect(await t.db.outboundMail.count({ where: { to: { endsWith: "@bank.test" } } })).toBe(LEARNERS);

    // Later the same Beijing day, by hand: nobody is mailed twice.
    const again = await sendReminders(
      t.db,
      (await t.db.cohort.findFirstOrThrow({ where: { inviteCode: "RACE" } })).id,
      {
        trigger: "MANUAL",
        course: COURSE,
        siteUrl: SITE,
        now: new Date(DAY_TIME.getTime() + 3_600_000),
      },
    );
    expect(again).toMatchObject({ emailed: 0, alreadyToday: LEARNERS });

    // The mails go out through the real SMTP server, each with a working signed opt-out link.
    await drainMail(t.db, smtpMailer(`smtp://127.0.0.1:${smtp.port}`), "培训平台 <no-reply@x.cn>", DAY_TIME);
    const mine = smtp.received.filter((m) => m.to.some((to) => to.endsWith("@bank.test")));
    expect(mine).toHaveLength(LEARNERS);
    const body = decodeBody(mine[0]!.data);
    expect(body).toContain("还没有开始学习");
    const token = /reminders\/opt-out\/(\S+)/.exec(body)![1]!;
    expect(ids).toContain(verifyOptOutToken(token));
    expect(verifyOptOutToken(token.slice(0, -2) + "xx")).toBeNull();
  });

  it("respects an opt-out: the learner stays on the list, marked, and gets no mail", async () => {
    const { cohortId, ids } = await cohortWithLearners("OPTOUT", { emailOn: true });
    await setReminderOptOut(t.db, ids[0]!, true);
    const list = await allDueReminders(t.db, cohortId, COURSE, DAY_TIME);
    expect(list.pending.find((p) => p.userId === ids[0])?.reach).toBe("LIST_OPTED_OUT");
    const r = await sendReminders(t.db, cohortId, { trigger: "MANUAL", course: COURSE, siteUrl: SITE, now: DAY_TIME });
    expect(r).toMatchObject({ emailed: LEARNERS - 1, listOnly: 1 });
    expect(await t.db.outboundMail.count({ where: { to: `${ids[0]}@bank.test` } })).toBe(0);
    expect(await t.db.reminderSend.count({ where: { userId: ids[0] } })).toBe(0);
  });

  it("sends nothing automatically in quiet hours", async () => {
    const { ids } = await cohortWithLearners("QUIET", { emailOn: true, automaticOn: true });
    // 22:30 Beijing time.
    const r = await runAutomaticReminders(t.db, {
      course: COURSE,
      siteUrl: SITE,
      now: new Date("2026-03-11T14:30:00Z"),
    });
    expect(r.cohorts).toBe(0);
    expect(await t.db.reminderSend.count({ where: { userId: { in: ids } } })).toBe(0);
  });

  it("posts one class summary to the group robot, retried after the endpoint fails, with counts and no names", async () => {
    const { cohortId } = await cohortWithLearners("HOOK", { webhookUrl: hookUrl });
    await sendReminders(t.db, cohortId, { trigger: "MANUAL", course: COURSE, siteUrl: SITE, now: DAY_TIME });
    // A second press the same day adds no second summary.
    await sendReminders(t.db, cohortId, { trigger: "MANUAL", course: COURSE, siteUrl: SITE, now: DAY_TIME });
    expect(await t.db.webhookPost.count({ where: { cohortId } })).toBe(1);

    expect(await drainWebhooks(t.db, undefined, DAY_TIME)).toEqual({ sent: 0, failed: 1 });
    const waiting = await t.db.webhookPost.findFirstOrThrow({ where: { cohortId } });
    expect(waiting).toMatchObject({ state: "PENDING", attempts: 1, lastError: "HTTP 502" });
    // Not before its back-off (1 minute): nothing is claimed.
    expect(await drainWebhooks(t.db, undefined, new Date(DAY_TIME.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });
    expect(await drainWebhooks(t.db, undefined, new Date(DAY_TIME.getTime() + 61_000))).toEqual({ sent: 1, failed: 0 });
    expect(await t.db.webhookPost.findFirstOrThrow({ where: { cohortId } })).toMatchObject({ state: "SENT" });
    expect(hookBodies).toHaveLength(1);
    const content = JSON.parse(hookBodies[0]!).markdown.content as string;
    expect(content).toContain(`加入后尚未开始学习：${LEARNERS} 人`);
    expect(content).not.toContain("学员HOOK");
  });

  it("decides in SQL exactly what rules.ts decides, for every member: both lists, every page and filter, the counts", async () => {
    // Learners on every side of each rule's boundary (to the millisecond): joined, last tick,
    // modules done, action plan filed; some opted out, some without an address, some reminded
    // today, in two 分行. lib/reminders/decide.ts decides in SQL; rules.ts dueReminders, the
    // executable specification, run here on the facts of all of them, must name exactly the same
    // learners with the same rule and module, on the page (all pages of every filter, and its
    // counts) and in what sending acts on.
    const course: CourseShape = {
      modules: [
        { slug: "m1", number: 1, title: "单元一", lessons: ["l1", "l2"], quizId: null, quizTitle: null },
        { slug: "m2", number: 2, title: "单元二", lessons: ["l1"], quizId: null, quizTitle: null },
      ],
      finalQuizId: null,
    };
    const DAY = 86_400_000;
    const ago = (days: number, ms = 0) => new Date(DAY_TIME.getTime() - days * DAY + ms);
    const cohortId = (
      await t.db.cohort.create({
        data: { name: "边界 班", inviteCode: "EDGE", trainerId, organisationId: org },
        select: { id: true },
      })
    ).id;
    const joins = [ago(2), ago(3, 1), ago(3), ago(3, -1), ago(7, 1), ago(7), ago(8)];
    const tickSets: { module: string; lesson: string; at: Date }[][] = [
      [],
      [{ module: "m1", lesson: "l1", at: ago(7, 1) }],
      [{ module: "m1", lesson: "l1", at: ago(7) }],
      [{ module: "m1", lesson: "l1", at: ago(7, -1) }],
      [{ module: "m1", lesson: "l1", at: ago(1) }],
      ["l1", "l2"].map((lesson) => ({ module: "m1", lesson, at: ago(10) })),
      [{ module: "m2", lesson: "l1", at: ago(10) }],
      [
        ...["l1", "l2"].map((lesson) => ({ module: "m1", lesson, at: ago(10) })),
        { module: "m2", lesson: "l1", at: ago(10) },
      ],
    ];
    const plans = [null, ago(29), ago(30, 1), ago(30), ago(31)];
    const SURNAMES = ["张", "李", "王", "阿", "陈", "周", "欧阳"];
    const BRANCHES = ["上海分行", "北京分行", null];
    const facts: LearnerFacts[] = [];
    const people = new Map<string, { key: string; branch: string | null; optOut: boolean; email: string | null }>();
    let n = 0;
    for (const joinedAt of joins)
      for (const ticks of tickSets)
        for (const filedAt of plans) {
          const i = n++;
          const userId = `edge${i}`;
          const name = `${SURNAMES[i % SURNAMES.length]}${i}`;
          const person = {
            key: nameSortKey(name),
            branch: BRANCHES[i % 3]!,
            optOut: i % 11 === 0,
            email: i % 13 === 0 ? null : `${userId}@bank.test`,
          };
          people.set(userId, person);
          await t.db.user.create({
            data: {
              id: userId,
              email: person.email,
              name,
              nameSortKey: person.key,
              branch: person.branch,
              reminderEmailOptOut: person.optOut,
              passwordHash: "x",
            },
          });
          await t.db.cohortMember.create({ data: { cohortId, userId, joinedAt } });
          for (const k of ticks)
            await t.db.lessonProgress.create({
              data: { userId, moduleSlug: k.module, lessonSlug: k.lesson, completedAt: k.at },
            });
          if (filedAt)
            await t.db.actionPlan.create({
              data: {
                userId,
                filedAt,
                actions: {
                  create: {
                    position: 1,
                    tool: "OTHER",
                    description: "开展商户走访",
                    metric: "MERCHANT_SIGNINGS",
                    baseline: 0,
                    target: 10,
                    dueOn: ago(-60),
                  },
                },
              },
            });
          const done = new Set(
            course.modules
              .filter((m) => m.lessons.every((l) => ticks.some((k) => k.module === m.slug && k.lesson === l)))
              .map((m) => m.slug),
          );
          facts.push({
            userId,
            joinedAt,
            lastActivity: ticks.length ? new Date(Math.max(...ticks.map((k) => k.at.getTime()))) : null,
            modulesDone: done,
            courseDone: done.size === course.modules.length,
          });
        }
    // Reminded earlier today (Beijing 2026-03-10) by another cohort: counted, marked, not skipped.
    const remindedToday = new Set(facts.filter((_, i) => i % 7 === 3).map((f) => f.userId));
    await t.db.reminderSend.createMany({
      data: [...remindedToday].map((userId) => ({
        cohortId,
        userId,
        day: "2026-03-10",
        rule: "INACTIVE",
        channel: "EMAIL",
        trigger: "AUTO",
      })),
    });
    expect((await learnersWithCheckInDue(t.db, cohortId, DAY_TIME)).size).toBeGreaterThan(0);

    // 00:30 Beijing time on 2026-03-11 (still 03-10 in UTC): the due-soon horizon is Beijing's.
    const BEIJING_AFTER_MIDNIGHT = new Date("2026-03-10T16:30:00Z");
    const variants: { dueDates: DueDate[]; settings: Partial<RuleSettings & { emailOn: boolean }>; now?: Date }[] = [
      { dueDates: [], settings: {} },
      { dueDates: [], settings: { notStartedDays: 7, emailOn: true } },
      { dueDates: [{ moduleSlug: "m2", dueOn: "2026-03-11" }], settings: {} },
      { dueDates: [{ moduleSlug: "m2", dueOn: "2026-03-12" }], settings: { notStartedOn: false, inactiveOn: false } },
      {
        dueDates: [
          { moduleSlug: "m2", dueOn: "2026-03-12" },
          { moduleSlug: "m1", dueOn: "2026-03-11" },
        ],
        settings: { emailOn: true },
      },
      { dueDates: [{ moduleSlug: "m1", dueOn: "2026-03-12" }], settings: { dueSoonOn: false } },
      { dueDates: [{ moduleSlug: "m2", dueOn: "2026-03-13" }], settings: {}, now: BEIJING_AFTER_MIDNIGHT },
      { dueDates: [], settings: { notStartedOn: false, checkInDueOn: false } },
      { dueDates: [], settings: { inactiveOn: false, checkInDueOn: false } },
      { dueDates: [], settings: { notStartedOn: false, inactiveOn: false } },
    ];
    const key = (p: { userId: string; rule: string; moduleSlug?: string; reach: string; remindedToday: boolean }) =>
      `${p.userId} ${p.rule} ${p.moduleSlug ?? "-"} ${p.reach} ${p.remindedToday}`;
    const byName = (a: string, b: string) => {
      const [x, y] = [people.get(a)!.key, people.get(b)!.key];
      return x < y ? -1 : x > y ? 1 : a < b ? -1 : 1;
    };
    let dueSoonSeen = 0;
    // Both ways decide.ts reads modules done: from the summaries, then from the per-learner
    // roll-up once it is kept for this course (lib/dashboard/learner-progress.ts).
    for (const kept of [false, true]) {
      if (kept) expect(await keepProgressRollupFor(t.db, course)).toBe(true);
      for (const v of variants) {
        const now = v.now ?? DAY_TIME;
        const label = JSON.stringify({ ...v, kept });
        const settings = {
          notStartedOn: true,
          notStartedDays: 3,
          dueSoonOn: true,
          inactiveOn: true,
          checkInDueOn: true,
          emailOn: false,
          ...v.settings,
        };
        await t.db.reminderSettings.upsert({
          where: { cohortId },
          create: { cohortId, ...settings },
          update: settings,
        });
        await t.db.moduleDueDate.deleteMany({ where: { cohortId } });
        for (const d of v.dueDates)
          await t.db.moduleDueDate.create({ data: { cohortId, moduleSlug: d.moduleSlug, dueOn: new Date(d.dueOn) } });
        const checkIns = await learnersWithCheckInDue(t.db, cohortId, now);
        const expected = dueReminders(settings, v.dueDates, facts, checkIns, now).map((e) => {
          const p = people.get(e.userId)!;
          const reach = !settings.emailOn
            ? "LIST_EMAIL_OFF"
            : p.optOut
              ? "LIST_OPTED_OUT"
              : p.email
                ? "EMAIL"
                : "LIST_NO_EMAIL";
          return { ...e, reach, remindedToday: beijingDay(now) === "2026-03-10" && remindedToday.has(e.userId) };
        });
        dueSoonSeen += expected.filter((e) => e.rule === "DUE_SOON").length;

        // What sending acts on: everyone due, in name order.
        const { pending } = await allDueReminders(t.db, cohortId, course, now);
        expect(pending.map(key).sort(), label).toEqual(expected.map(key).sort());
        expect(
          pending.map((p) => p.userId),
          label,
        ).toEqual(expected.map((e) => e.userId).sort(byName));

        // The page: every page of every rule filter, and of one 分行.
        const filters: { rule: RuleFilter; branch: string }[] = [
          ...RULE_FILTERS.map((rule) => ({ rule, branch: "" })),
          { rule: "all", branch: "上海分行" },
          { rule: "not_started", branch: "北京分行" },
        ];
        for (const f of filters) {
          const want = expected.filter(
            (e) =>
              (f.rule === "all" || ruleFilter(e.rule) === f.rule) &&
              (!f.branch || people.get(e.userId)!.branch === f.branch),
          );
          const seen: typeof pending = [];
          let pages = 1;
          for (let page = 1; page <= pages; page++) {
            const r = await reminderPage(t.db, cohortId, course, now, { ...f, page });
            expect(r.total, `${label} ${f.rule} ${f.branch}`).toBe(want.length);
            expect(r.page).toBe(page);
            expect(r.rows.length).toBe(Math.min(REMINDER_PAGE_SIZE, want.length - (page - 1) * REMINDER_PAGE_SIZE));
            pages = r.pages;
            seen.push(...r.rows);
          }
          expect(pages).toBe(Math.max(1, Math.ceil(want.length / REMINDER_PAGE_SIZE)));
          expect(seen.map(key), `${label} ${f.rule} ${f.branch}`).toEqual(
            want.sort((a, b) => byName(a.userId, b.userId)).map(key),
          );
        }

        // The counts, for the whole cohort whatever the filter; past the last page shows the last.
        const r = await reminderPage(t.db, cohortId, course, now, { rule: "inactive", branch: "", page: 999 });
        expect(r.page).toBe(r.pages);
        const count = (rule: string | null, keep: (e: (typeof expected)[number]) => boolean) =>
          expected.filter((e) => (rule === null || e.rule === rule) && keep(e)).length;
        for (const rule of [...REMINDER_RULES, null]) {
          const c = rule === null ? r.all : r.counts[rule];
          expect(c.total, `${label} ${rule}`).toBe(count(rule, () => true));
          expect(c.remindedToday, `${label} ${rule}`).toBe(count(rule, (e) => e.remindedToday));
          for (const reach of REACHES)
            expect(c.byReach[reach], `${label} ${rule} ${reach}`).toBe(count(rule, (e) => e.reach === reach));
        }
        expect(r.branches).toEqual(
          ["上海分行", "北京分行"]
            .map((branch) => ({ branch, n: expected.filter((e) => people.get(e.userId)!.branch === branch).length }))
            .filter((b) => b.n > 0)
            .sort((a, b) => (a.branch < b.branch ? -1 : 1)),
        );
      }
    }
    expect(dueSoonSeen).toBeGreaterThan(0);
  });
});
