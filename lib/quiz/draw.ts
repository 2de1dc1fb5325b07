// Which questions an attempt gets when the quiz file asks for a draw from a pool (the final:
// 20 of 70-odd, at least 2 per module). Each group is a module, read from the question's first
// tag (content:check requires the final's first tag to be a module slug). Two learners rarely see
// the same set, so answers passed round a WeChat group the same afternoon help little, while every
// learner is still examined across the whole course.
//
// The draw and the order are a function of the attempt's id (seededRandom): the attempt stores the
// ids it drew, and the same pool and id give the same set again, so a disputed draw can be checked.
import { createHash } from "node:crypto";

export type DrawRule = { count: number; minPerModule: number };
export type PoolQuestion = { id: string; module: string };

/** A deterministic stream of numbers in [0, 1) from `seed` (SHA-256 in counter mode): not for
 * secrets, only so one attempt's draw can be repeated. */
export function seededRandom(seed: string): () => number {
  let counter = 0;
  return () => createHash("sha256").update(`${seed}:${counter++}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** The items in an order fixed by `random` (Fisher-Yates). */
export function shuffleWith<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Picks `rule.count` ids: `minPerModule` from every module first, the rest from what is left. */
export function drawQuestions(pool: PoolQuestion[], rule: DrawRule, random: () => number = Math.random): string[] {
  const take = <T>(items: T[], n: number): T[] => shuffleWith(items, random).slice(0, n);
  const byModule = new Map<string, PoolQuestion[]>();
  for (const q of pool) byModule.set(q.module, [...(byModule.get(q.module) ?? []), q]);
  const chosen = new Set<string>();
  for (const group of byModule.values()) for (const q of take(group, rule.minPerModule)) chosen.add(q.id);
  const rest = pool.filter((q) => !chosen.has(q.id));
  for (const q of take(rest, Math.max(0, rule.count - chosen.size))) chosen.add(q.id);
  // Keep the file's order; the caller shuffles if the quiz asks for it.
  return pool.filter((q) => chosen.has(q.id)).map((q) => q.id);
}

/** An attempt's questions: drawn by `rule` (or the whole pool), then shuffled if asked, all from
 * one stream seeded by the attempt's id, so the same pool and id always give the same list. */
export function questionsForAttempt(
  pool: PoolQuestion[],
  rule: DrawRule | null,
  shuffle: boolean,
  attemptId: string,
): string[] {
  const random = seededRandom(attemptId);
  const ids = rule ? drawQuestions(pool, rule, random) : pool.map((q) => q.id);
  return shuffle ? shuffleWith(ids, random) : ids;
}
