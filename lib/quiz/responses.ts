// What an attempt accepts as an answer, and the one failure shape of the attempt functions
// (lib/quiz/http.ts turns it into a response).
import { z } from "zod";
import type { Question } from "./schema";
import type { Response } from "./score";

export type Failure = { ok: false; status: 403 | 404 | 409 | 422; message: string };
export const fail = (status: Failure["status"], message: string): Failure => ({ ok: false, status, message });

export const responseSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single"), choice: z.string().max(4) }),
  z.object({ type: z.literal("multiple"), choices: z.array(z.string().max(4)).max(26) }),
  z.object({ type: z.literal("truefalse"), value: z.boolean() }),
  z.object({ type: z.literal("ordering"), order: z.array(z.number().int().min(0).max(50)).max(50) }),
  z.object({ type: z.literal("numeric"), value: z.number().finite() }),
]);

export function checkResponse(question: Question, raw: unknown): Response | Failure {
  const parsed = responseSchema.safeParse(raw);
  if (!parsed.success || parsed.data.type !== question.type) return fail(422, "答案格式与题型不符");
  const r = parsed.data;
  if ((r.type === "single" || r.type === "multiple") && question.type !== "truefalse" && "choices" in question) {
    const ids = new Set(question.choices.map((c) => c.id));
    const chosen = r.type === "single" ? [r.choice] : r.choices;
    if (!chosen.every((c) => ids.has(c))) return fail(422, "选项不存在");
  }
  if (r.type === "ordering" && question.type === "ordering") {
    const n = question.items.length;
    if (r.order.length !== n || new Set(r.order).size !== n || r.order.some((i) => i >= n))
      return fail(422, "排序答案不完整");
  }
  return r;
}
