// Reads the quiz files: content/modules/NN-slug/quiz.yaml (one per module, id = module slug) and
// content/final-assessment.yaml (id "final"). Problems name the file and the field, like the
// content loader, and every question's `lesson` must point at a lesson that exists.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { Content } from "@/lib/content/load";
import { quizSchema, type Quiz } from "./schema";

export type LoadedQuiz = Quiz & { moduleSlug: string | null; file: string };

export const FINAL_QUIZ_ID = "final";

export class QuizFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`测验文件有误 (quiz files are invalid):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadQuizzes(content: Content, root = path.join(process.cwd(), "content")): LoadedQuiz[] {
  const problems: string[] = [];
  const files: { file: string; moduleSlug: string | null }[] = [];
  const modulesDir = path.join(root, "modules");
  for (const dir of existsSync(modulesDir) ? readdirSync(modulesDir).sort() : []) {
    const file = path.join(modulesDir, dir, "quiz.yaml");
    if (existsSync(file)) files.push({ file, moduleSlug: dir.replace(/^\d{2}-/, "") });
  }
  const finalFile = path.join(root, "final-assessment.yaml");
  if (existsSync(finalFile)) files.push({ file: finalFile, moduleSlug: null });

  const lessons = new Map(
    content.modules.flatMap((m) => m.lessons.map((l) => [`${m.slug}/${l.slug}`, new Set(l.toc.map((t) => t.id))])),
  );
  const quizzes: LoadedQuiz[] = [];
  for (const { file, moduleSlug } of files) {
    const rel = path.relative(path.dirname(root), file);
    let data: unknown;
    try {
      data = parseYaml(readFileSync(file, "utf8"));
    } catch (err) {
      problems.push(`${rel}: not valid YAML: ${(err as Error).message.split("\n")[0]}`);
      continue;
    }
    const parsed = quizSchema.safeParse(data);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${rel}: ${i.path.join(".") || "(file)"}: ${i.message}`);
      continue;
    }
    const quiz = parsed.data;
    const expectedId = moduleSlug ?? FINAL_QUIZ_ID;
    if (quiz.id !== expectedId) problems.push(`${rel}: id: is "${quiz.id}" but must be "${expectedId}"`);
    quiz.questions.forEach((q, i) => {
      const [target, section] = q.lesson.split("#") as [string, string | undefined];
      const sections = lessons.get(target);
      if (!sections) problems.push(`${rel}: questions.${i}.lesson: no lesson "${target}"`);
      else if (section && !sections.has(section))
        problems.push(`${rel}: questions.${i}.lesson: "${target}" has no section #${section}`);
    });
    quizzes.push({ ...quiz, moduleSlug, file: rel });
  }
  const ids = new Set<string>();
  for (const q of quizzes)
    for (const question of q.questions) {
      const key = `${q.id}/${question.id}`;
      if (ids.has(key)) problems.push(`${q.file}: duplicate question id ${question.id}`);
      ids.add(key);
    }
  if (problems.length) throw new QuizFileError(problems);
  return quizzes;
}
