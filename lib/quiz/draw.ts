// Which questions an attempt gets when the quiz file asks for a draw from a pool (the final:
// 20 of 70-odd, at least 2 per module). Each group is a module, read from the question's first
// tag (content:check requires the final's first tag to be a module slug). Two learners rarely see
// the same set, so answers passed round a WeChat group the same afternoon help little, while every
// learner is still examined across the whole course.

export type DrawRule = { count: number; minPerModule: number };
export type PoolQuestion = { id: string; module: string };

/** Picks `rule.count` ids: `minPerModule` from every module first, the rest from what is left. */
export function drawQuestions(pool: PoolQuestion[], rule: DrawRule, random: () => number = Math.random): string[] {
  const take = <T>(items: T[], n: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  const byModule = new Map<string, PoolQuestion[]>();
  for (const q of pool) byModule.set(q.module, [...(byModule.get(q.module) ?? []), q]);
  const chosen = new Set<string>();
  for (const group of byModule.values()) for (const q of take(group, rule.minPerModule)) chosen.add(q.id);
  const rest = pool.filter((q) => !chosen.has(q.id));
  for (const q of take(rest, Math.max(0, rule.count - chosen.size))) chosen.add(q.id);
  // Keep the file's order; the caller shuffles if the quiz asks for it.
  return pool.filter((q) => chosen.has(q.id)).map((q) => q.id);
}
