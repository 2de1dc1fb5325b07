// The 结项报告's arithmetic, free of the database so it is checked by hand (tests/unit/report-figures.test.ts).
// The loaders (load.ts) bring per-learner rows and the other domains' results; these functions
// add them up for the whole cohort or organisation and per 分行/部门. An organisation's figures
// pool its cohorts' counts (a learner in two cohorts counts in both, as 人次), never average
// their percentages: a 6-person cohort must not weigh as much as a 300-person one.
import type { GainRow, Share } from "@/lib/knowledge-gain/gain";
import { MIN_ANONYMOUS_RESPONSES, type NpsResult } from "@/lib/surveys/results";
import type { RoundFigure } from "@/lib/action-plans/summary";

/** One learner of one cohort, as the report needs them (from the progress matrix and 学时). */
export type ReportLearner = {
  branch: string;
  department: string;
  started: boolean;
  allModulesDone: boolean;
  /** Best final-assessment percent; null when the learner has not taken it. */
  finalBest: number | null;
  finalPassed: boolean;
  completed: boolean;
  /** Holds a certificate that has not been revoked (completion stays completion either way). */
  certified: boolean;
  /** Classroom sessions of the learner's cohort, and how many they attended (late counts). */
  sessions: number;
  attended: number;
  classroomHours: number;
  onlineHours: number;
};

export type GroupFigures = {
  branch: string;
  department: string;
  learners: number;
  started: number;
  allModulesDone: number;
  finalTakers: number;
  finalPassed: number;
  completed: number;
  certified: number;
  /** Share of final takers who passed; null with no takers. */
  passRate: number | null;
  averageFinal: number | null;
  /** Attended sessions over sessions held (learners × their cohort's sessions); null with none held. */
  attendanceRate: number | null;
  averageHours: number | null;
  averageClassroomHours: number | null;
  averageOnlineHours: number | null;
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function figuresOf(rows: ReportLearner[], branch = "", department = ""): GroupFigures {
  const count = (f: (r: ReportLearner) => boolean) => rows.filter(f).length;
  const sum = (f: (r: ReportLearner) => number) => rows.reduce((n, r) => n + f(r), 0);
  const finalTakers = count((r) => r.finalBest !== null);
  const classroom = sum((r) => r.classroomHours);
  const online = sum((r) => r.onlineHours);
  return {
    branch,
    department,
    learners: rows.length,
    started: count((r) => r.started),
    allModulesDone: count((r) => r.allModulesDone),
    finalTakers,
    finalPassed: count((r) => r.finalPassed),
    completed: count((r) => r.completed),
    certified: count((r) => r.certified),
    passRate: ratio(
      count((r) => r.finalPassed),
      finalTakers,
    ),
    averageFinal: round1(
      ratio(
        sum((r) => r.finalBest ?? 0),
        finalTakers,
      ),
    ),
    attendanceRate: ratio(
      sum((r) => r.attended),
      sum((r) => r.sessions),
    ),
    averageHours: round1(ratio(classroom + online, rows.length)),
    averageClassroomHours: round1(ratio(classroom, rows.length)),
    averageOnlineHours: round1(ratio(online, rows.length)),
  };
}

const byChinese = (a: string, b: string) => a.localeCompare(b, "zh-CN");

/** Per (分行, 部门) as the bank's roster gives them, in the roster's (pinyin) order; [] when nobody has either. */
export function figuresByGroup(rows: ReportLearner[]): GroupFigures[] {
  if (!rows.some((r) => r.branch !== "" || r.department !== "")) return [];
  const groups = new Map<string, ReportLearner[]>();
  for (const r of rows) {
    const key = `${r.branch}\u0000${r.department}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const [branch = "", department = ""] = key.split("\u0000");
      return figuresOf(list, branch, department);
    })
    .sort((a, b) => byChinese(a.branch, b.branch) || byChinese(a.department, b.department));
}

export type FunnelStage = {
  key: "enrolled" | "started" | "allModules" | "finalTaken" | "finalPassed" | "completed" | "certified";
  count: number;
  /** Share of the enrolled. */
  share: number | null;
};

/** 报名 → 开始学习 → 学完全部模块 → 参加结业测评 → 通过结业测评 → 结业 → 持有效证书 (revoked ones left out). */
export function funnelOf(f: GroupFigures): FunnelStage[] {
  const stages: [FunnelStage["key"], number][] = [
    ["enrolled", f.learners],
    ["started", f.started],
    ["allModules", f.allModulesDone],
    ["finalTaken", f.finalTakers],
    ["finalPassed", f.finalPassed],
    ["completed", f.completed],
    ["certified", f.certified],
  ];
  return stages.map(([key, count]) => ({ key, count, share: ratio(count, f.learners) }));
}

const shareOf = (correct: number, total: number): Share => ({
  correct,
  total,
  percent: total === 0 ? null : Math.round((correct / total) * 1000) / 10,
});

/**
 * Knowledge-gain rows with the same key (the whole, a topic, a 分行) from several cohorts, pooled:
 * questions right over questions met, before and after. One cohort's rows come back unchanged.
 */
export function poolGainRows(rows: GainRow[]): GainRow[] {
  const byKey = new Map<string, { learners: number; pre: [number, number]; post: [number, number] }>();
  for (const r of rows) {
    const a = byKey.get(r.key) ?? { learners: 0, pre: [0, 0], post: [0, 0] };
    a.learners += r.learners;
    a.pre = [a.pre[0] + r.pre.correct, a.pre[1] + r.pre.total];
    a.post = [a.post[0] + r.post.correct, a.post[1] + r.post.total];
    byKey.set(r.key, a);
  }
  return [...byKey.entries()]
    .map(([key, a]): GainRow => {
      const pre = shareOf(...a.pre);
      const post = shareOf(...a.post);
      const gain =
        pre.percent === null || post.percent === null ? null : Math.round((post.percent - pre.percent) * 10) / 10;
      return { key, learners: a.learners, pre, post, gain };
    })
    .sort((x, y) => (y.gain ?? -999) - (x.gain ?? -999) || byChinese(x.key, y.key));
}

export type TopicFigure = { tag: string; correct: number; total: number; share: number | null };

/** Topic mastery pooled over cohorts, weakest first. */
export function poolTopics(rows: { tag: string; cohorts: Record<string, { correct: number; total: number }> }[]) {
  return rows
    .map((r): TopicFigure => {
      let correct = 0;
      let total = 0;
      for (const c of Object.values(r.cohorts)) {
        correct += c.correct;
        total += c.total;
      }
      return { tag: r.tag, correct, total, share: ratio(correct, total) };
    })
    .sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || byChinese(a.tag, b.tag));
}

/** NPS pooled over runs: the promoters' and detractors' counts added, then the score. */
export function poolNps(list: (NpsResult | null)[]): NpsResult | null {
  const present = list.filter((n): n is NpsResult => n !== null && n.n > 0);
  if (present.length === 0) return null;
  const n = present.reduce((s, x) => s + x.n, 0);
  const promoters = present.reduce((s, x) => s + x.promoters, 0);
  const detractors = present.reduce((s, x) => s + x.detractors, 0);
  return {
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score: Math.round(((promoters - detractors) / n) * 1000) / 10,
  };
}

export type PlanFigures = {
  branch: string;
  members: number;
  filed: number;
  rounds: RoundFigure[];
  actions: number;
  actionsDone: number;
};

/** Action-plan figures added over cohorts or 分行 (each already counted by lib/action-plans/summary.ts). */
export function addPlanFigures(list: Omit<PlanFigures, "branch">[], branch = ""): PlanFigures {
  const rounds = new Map<number, RoundFigure>();
  for (const f of list)
    for (const r of f.rounds) {
      const a = rounds.get(r.round) ?? { round: r.round, eligible: 0, followed: 0 };
      rounds.set(r.round, { round: r.round, eligible: a.eligible + r.eligible, followed: a.followed + r.followed });
    }
  return {
    branch,
    members: list.reduce((s, f) => s + f.members, 0),
    filed: list.reduce((s, f) => s + f.filed, 0),
    rounds: [...rounds.values()].sort((a, b) => a.round - b.round),
    actions: list.reduce((s, f) => s + f.actions, 0),
    actionsDone: list.reduce((s, f) => s + f.actionsDone, 0),
  };
}

export type Finding = {
  cohortName: string;
  quizTitle: string;
  prompt: string;
  responses: number;
  facility: number | null;
  discrimination: number | null;
  flags: { level: "problem" | "review"; text: string }[];
};

export const TOP_FINDINGS = 5;

/** The flagged questions that most need a look: problems before reviews, then the hardest first. */
export function topFindings(list: Finding[], limit = TOP_FINDINGS): Finding[] {
  const weight = (f: Finding) => (f.flags.some((x) => x.level === "problem") ? 0 : 1);
  return list
    .filter((f) => f.flags.length > 0)
    .sort((a, b) => weight(a) - weight(b) || (a.facility ?? 2) - (b.facility ?? 2) || b.responses - a.responses)
    .slice(0, limit);
}

/**
 * The two ends of a ranked list (the course has about a hundred topic tags: a forwarded report
 * shows the weakest and the strongest, the workbook all of them). Lists short enough come whole.
 */
export function endsOf<T>(list: T[], head: number, tail: number): { shown: T[]; left: number } {
  if (list.length <= head + tail) return { shown: list, left: 0 };
  return { shown: [...list.slice(0, head), ...list.slice(list.length - tail)], left: list.length - head - tail };
}

/**
 * Tags a bank reader understands. Questions also carry internal tags (case slugs such as
 * "case:citic-credit-card", module keys such as "ecosystem"); those stay on the trainer's pages.
 */
export function isReaderTag(tag: string): boolean {
  return /[\u4e00-\u9fff]/.test(tag);
}

/** The weakest topics, the programme's and a 分行's own, rank only tags met at least this often (fewer is noise). */
export const MIN_TOPIC_ANSWERS = 5;
/** How many topics each 分行 row shows: the whole programme's weakest, and the 分行's own. */
export const BRANCH_TOPICS = 3;

export type BranchTopics = {
  branch: string;
  /** The programme's weakest topics (the same for every 分行, so rows compare), in that order. */
  focus: TopicFigure[];
  /** This 分行's weakest topics with at least MIN_TOPIC_ANSWERS answers. */
  weakest: TopicFigure[];
  /** Every topic of the 分行, weakest first (the workbook). */
  all: TopicFigure[];
};

/**
 * Topic mastery per 分行, pooled over cohorts. `focus` names the tags every row reports on (the
 * programme's weakest). [] when the roster gives no 分行: the one row would repeat the whole.
 */
export function topicsByBranch(
  rows: { branch: string; tag: string; correct: number; total: number }[],
  focus: string[],
): BranchTopics[] {
  if (!rows.some((r) => r.branch !== "")) return [];
  const byBranch = new Map<string, Map<string, { correct: number; total: number }>>();
  for (const r of rows) {
    const tags = byBranch.get(r.branch) ?? new Map<string, { correct: number; total: number }>();
    const a = tags.get(r.tag) ?? { correct: 0, total: 0 };
    tags.set(r.tag, { correct: a.correct + r.correct, total: a.total + r.total });
    byBranch.set(r.branch, tags);
  }
  return [...byBranch.entries()]
    .map(([branch, tags]) => {
      const all = poolTopics([...tags.entries()].map(([tag, c]) => ({ tag, cohorts: { all: c } })));
      const of = (tag: string) => all.find((t) => t.tag === tag) ?? { tag, correct: 0, total: 0, share: null };
      return {
        branch,
        focus: focus.map(of),
        weakest: all.filter((t) => t.total >= MIN_TOPIC_ANSWERS).slice(0, BRANCH_TOPICS),
        all,
      };
    })
    .sort((a, b) => byChinese(a.branch, b.branch));
}

/** A 分行's satisfaction needs as many answers as an anonymous run needs to show at all. */
export const MIN_BRANCH_RESPONSES = MIN_ANONYMOUS_RESPONSES;

export type SatisfactionBranch = {
  branch: string;
  /** Learners of the 分行 asked: its members in each run's cohort, once per run. */
  invited: number;
  /**
   * Why the row shows no figures: "small" under MIN_BRANCH_RESPONSES answers; "complement" shown
   * alone it would let the small ones be worked out from the whole (see satisfactionByBranch).
   */
  hidden: "small" | "complement" | null;
  /** The figures below are null when hidden (the sections' titles stay, for the columns). */
  responses: number | null;
  sections: { title: string; average: number | null }[];
  nps: NpsResult | null;
};

export type SatisfactionTally = {
  branch: string;
  responses: number;
  sections: { title: string; sum: number; n: number }[];
  nps: NpsResult | null;
};

/**
 * Satisfaction per 分行 over the runs whose results are shown, their counts pooled. A 分行 with
 * fewer than MIN_BRANCH_RESPONSES answers is not shown. Since the whole's figures are shown, the
 * hidden ones together could be worked out by subtracting the shown 分行 from it: while the hidden
 * 分行 hold between 1 and MIN_BRANCH_RESPONSES − 1 answers between them, the smallest shown 分行
 * is hidden too. [] when no answer and no learner has a 分行.
 */
export function satisfactionByBranch(tallies: SatisfactionTally[], invited: Map<string, number>): SatisfactionBranch[] {
  if (![...tallies.map((t) => t.branch), ...invited.keys()].some((b) => b !== "")) return [];
  const titles = [...new Set(tallies.flatMap((t) => t.sections.map((s) => s.title)))];
  const pooled = new Map<string, SatisfactionTally[]>();
  for (const b of invited.keys()) pooled.set(b, []);
  for (const t of tallies) pooled.set(t.branch, [...(pooled.get(t.branch) ?? []), t]);
  const rows = [...pooled.entries()].map(([branch, list]) => {
    const responses = list.reduce((n, t) => n + t.responses, 0);
    const sections = titles.map((title) => {
      const parts = list.flatMap((t) => t.sections.filter((s) => s.title === title));
      const n = parts.reduce((a, s) => a + s.n, 0);
      return { title, average: n === 0 ? null : Math.round((parts.reduce((a, s) => a + s.sum, 0) / n) * 100) / 100 };
    });
    return {
      branch,
      invited: invited.get(branch) ?? 0,
      hidden: (responses < MIN_BRANCH_RESPONSES ? "small" : null) as SatisfactionBranch["hidden"],
      responses,
      sections,
      nps: poolNps(list.map((t) => t.nps)),
    };
  });
  const hiddenAnswers = () => rows.filter((r) => r.hidden).reduce((n, r) => n + r.responses, 0);
  while (hiddenAnswers() > 0 && hiddenAnswers() < MIN_BRANCH_RESPONSES) {
    const smallest = rows
      .filter((r) => !r.hidden)
      .sort((a, b) => a.responses - b.responses || byChinese(a.branch, b.branch))[0];
    if (!smallest) break;
    smallest.hidden = "complement";
  }
  return rows
    .map((r): SatisfactionBranch =>
      r.hidden
        ? {
            branch: r.branch,
            invited: r.invited,
            hidden: r.hidden,
            responses: null,
            sections: titles.map((title) => ({ title, average: null })),
            nps: null,
          }
        : r,
    )
    .sort((a, b) => byChinese(a.branch, b.branch));
}
