// The arithmetic behind the dashboard, kept free of the database so it can be checked by hand.
// SQL in this folder returns counts and sums; these functions turn them into the figures a
// trainer reads (shares, facility, discrimination, distractors, flags).

/** A share 0..1, or null when there is nothing to divide by (shown as "—", never as 0%). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export type Sums = { n: number; sx: number; sy: number; sxy: number; sxx: number; syy: number };

/**
 * Pearson correlation from running sums. With x = 1/0 (this question right or wrong) and
 * y = the rest of the learner's score (total minus this question), it is the corrected
 * item-total (point-biserial) correlation: the usual discrimination index. null when either
 * side does not vary (everyone right, or everyone the same score): nothing to correlate.
 */
export function pearsonFromSums({ n, sx, sy, sxy, sxx, syy }: Sums): number | null {
  if (n < 2) return null;
  const cov = n * sxy - sx * sy;
  const vx = n * sxx - sx * sx;
  const vy = n * syy - sy * sy;
  if (vx <= 0 || vy <= 0) return null;
  return cov / Math.sqrt(vx * vy);
}

/** Running sums of (x, y) pairs; used by tests and by anything that has the pairs at hand. */
export function sumsOf(pairs: [number, number][]): Sums {
  const s: Sums = { n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, syy: 0 };
  for (const [x, y] of pairs) {
    s.n++;
    s.sx += x;
    s.sy += y;
    s.sxy += x * y;
    s.sxx += x * x;
    s.syy += y * y;
  }
  return s;
}

export type ItemFlag = { level: "problem" | "review"; text: string };

/** Below this many responses, figures are shown but not judged. */
export const MIN_RESPONSES_FOR_FLAGS = 10;

export function flagItem(input: {
  responses: number;
  facility: number | null;
  discrimination: number | null;
  /** The most-picked wrong option's count and the right option's count, for choice questions. */
  topDistractor?: { label: string; count: number } | null;
  keyCount?: number | null;
}): ItemFlag[] {
  const { responses, facility, discrimination, topDistractor, keyCount } = input;
  if (responses < MIN_RESPONSES_FOR_FLAGS) return [];
  const flags: ItemFlag[] = [];
  if (discrimination !== null && discrimination < 0) {
    flags.push({ level: "problem", text: "区分度为负：总分高的学员反而更常答错，请检查答案是否标错或题干是否有歧义" });
  }
  if (topDistractor && keyCount !== null && keyCount !== undefined && topDistractor.count > keyCount) {
    flags.push({ level: "problem", text: `错误选项"${topDistractor.label}"被选次数多于正确答案，请核对答案` });
  }
  if (facility !== null && facility < 0.3)
    flags.push({ level: "review", text: "答对率低于 30%：题目偏难，或课程中讲得不够清楚" });
  if (facility !== null && facility > 0.95)
    flags.push({ level: "review", text: "答对率高于 95%：几乎人人答对，区分不出掌握程度" });
  if (discrimination !== null && discrimination >= 0 && discrimination < 0.15) {
    flags.push({ level: "review", text: "区分度低于 0.15：答对与否和总分关系不大" });
  }
  return flags;
}

/** Learner status in the progress matrix and its filter. */
export type LearnerStatus = "completed" | "in_progress" | "not_started";
export type CellStatus = "done" | "in_progress" | "not_started";

export function cellStatus(
  lessonsDone: number,
  lessonsTotal: number,
  quizAttempts: number,
  quizPassed: boolean,
  hasQuiz: boolean,
): CellStatus {
  if (lessonsTotal > 0 && lessonsDone >= lessonsTotal && (!hasQuiz || quizPassed)) return "done";
  if (lessonsDone > 0 || quizAttempts > 0) return "in_progress";
  return "not_started";
}

export const INACTIVE_DAYS = 7;

/** Not completed, and nothing done for more than INACTIVE_DAYS (counting from joining if never active). */
export function isInactive(status: LearnerStatus, lastActive: Date | null, joinedAt: Date, now: Date): boolean {
  if (status === "completed") return false;
  const since = lastActive ?? joinedAt;
  return now.getTime() - since.getTime() > INACTIVE_DAYS * 86_400_000;
}
