// Copies the quiz files into the database. A question whose content changed gets a new version;
// an unchanged one keeps its row, so syncing twice changes nothing and old attempts keep pointing
// at the version the learner actually saw.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LoadedQuiz } from "./load";

const hashQuestion = (q: unknown) => createHash("sha256").update(JSON.stringify(q)).digest("hex");

export async function syncQuizzes(db: PrismaClient, quizzes: LoadedQuiz[]) {
  let created = 0;
  for (const quiz of quizzes) {
    await db.$transaction(async (tx) => {
      const settings = {
        title: quiz.title,
        moduleSlug: quiz.moduleSlug,
        passMark: quiz.passMark,
        attemptsAllowed: quiz.attemptsAllowed,
        shuffle: quiz.shuffle,
        revealAnswers: quiz.revealAnswers,
        drawCount: quiz.draw?.count ?? null,
        drawMinPerModule: quiz.draw?.minPerModule ?? 0,
        timeLimitMinutes: quiz.timeLimitMinutes,
      };
      await tx.quiz.upsert({
        where: { id: quiz.id },
        create: { id: quiz.id, ...settings },
        update: settings,
        select: { id: true },
      });
      const existing = await tx.questionVersion.findMany({
        where: { quizId: quiz.id },
        select: { id: true, questionKey: true, version: true, contentHash: true, position: true, active: true },
      });
      const keep = new Set<string>();
      for (const [position, question] of quiz.questions.entries()) {
        const contentHash = hashQuestion(question);
        const same = existing.find((v) => v.questionKey === question.id && v.contentHash === contentHash);
        if (same) {
          keep.add(same.id);
          if (same.position !== position || !same.active) {
            await tx.questionVersion.update({
              where: { id: same.id },
              data: { position, active: true },
              select: { id: true },
            });
          }
          continue;
        }
        const version = Math.max(0, ...existing.filter((v) => v.questionKey === question.id).map((v) => v.version)) + 1;
        const row = await tx.questionVersion.create({
          data: {
            quizId: quiz.id,
            questionKey: question.id,
            version,
            contentHash,
            position,
            active: true,
            data: question,
          },
          select: { id: true },
        });
        keep.add(row.id);
        created++;
      }
      const retire = existing.filter((v) => v.active && !keep.has(v.id)).map((v) => v.id);
      if (retire.length)
        await tx.questionVersion.updateMany({ where: { id: { in: retire } }, data: { active: false } });
    });
  }
  return { created };
}
