// npm run content:check — validates content/ exactly as the build does, without building, then the
// rules the build does not enforce (lib/content/rules.ts, lib/quiz/rules.ts, the trainer kit's
// coverage). Any problem fails the check, each named by file and line or question.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadFigureRegistry, quizPlaces } from "@/lib/content/figures";
import { ContentError, loadContent, type Content } from "@/lib/content/load";
import { formatProblem, type ContentProblem } from "@/lib/content/problems";
import { courseReadingMinutes } from "@/lib/content/reading-time";
import { checkDuration, checkFigureRepeats, checkPunctuation, type TextPlace } from "@/lib/content/rules";
import { checkKitCoverage, loadTrainerKit } from "@/lib/content/trainer-kit";
import { loadQuizzes, QuizFileError, type LoadedQuiz } from "@/lib/quiz/load";
import { checkQuizRules } from "@/lib/quiz/rules";
import { loadSurveys, SurveyFileError } from "@/lib/surveys/load";

const root = path.join(process.cwd(), "content");

/** Every file of Chinese text: lessons, modules, cases, quizzes, glossary, course, trainer kit. */
function chineseTextFiles(): { file: string; text: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  const registries = new Set(["sources.yaml", "figures.yaml"]); // titles and figures copied as published
  return walk(root)
    .filter((f) => /\.(md|ya?ml)$/.test(f) && !registries.has(path.relative(root, f)))
    .sort()
    .map((f) => ({ file: path.relative(process.cwd(), f), text: readFileSync(f, "utf8") }));
}

/** Where a repeated figure counts: each lesson once, each glossary entry, each quiz question. */
function figurePlaces(c: Content, quizzes: LoadedQuiz[]): TextPlace[] {
  const strip = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&[a-z]+;/g, " ");
  return [
    ...c.modules.flatMap((m) =>
      m.lessons.map((l) => ({
        file: l.file,
        text: [l.title, l.summary, strip(l.html), ...l.keyFigures.map((k) => `${k.value} ${k.label}`)].join("\n"),
      })),
    ),
    ...c.glossary.map((g) => ({ file: "content/glossary.yaml", at: g.term, text: g.definition })),
    ...quizPlaces(quizzes).map((p) => ({ file: p.file, at: p.field, text: p.text })),
  ];
}

try {
  const c = loadContent();
  const quizzes = loadQuizzes(c);
  const kit = loadTrainerKit(c);
  const surveys = loadSurveys(root);
  const minutes = courseReadingMinutes(c.modules);
  const problems: ContentProblem[] = [
    ...checkQuizRules(quizzes, { moduleSlugs: c.modules.map((m) => m.slug), caseSlugs: c.cases.map((k) => k.slug) }),
    ...checkPunctuation(chineseTextFiles()),
    ...checkFigureRepeats(loadFigureRegistry(root), figurePlaces(c, quizzes), c.cases),
    ...checkDuration(c.course.file, c.course.duration, minutes),
    ...checkKitCoverage(kit, c),
  ];
  if (problems.length > 0) {
    console.error(`内容检查未通过 (content rules): ${problems.length} 个问题`);
    for (const p of problems) console.error(`  - ${formatProblem(p)}`);
    const byRule = new Map<string, number>();
    for (const p of problems) byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
    console.error(`  (${[...byRule].map(([rule, n]) => `${rule}: ${n}`).join(", ")})`);
    process.exit(1);
  }
  const lessons = c.modules.reduce((n, m) => n + m.lessons.length, 0);
  const questions = quizzes.reduce((n, q) => n + q.questions.length, 0);
  console.log(
    `内容检查通过 (content OK): ${c.modules.length} 个模块, ${lessons} 节课 (阅读约 ${minutes} 分钟), ${c.cases.length} 个案例, ${quizzes.length} 个测验 ${questions} 道题, ${surveys.length} 份问卷, 培训师工具包 ${kit.moduleNotes.length + kit.caseNotes.length + kit.rolePlays.length + kit.documents.length + 1} 篇`,
  );
} catch (err) {
  if (err instanceof ContentError || err instanceof QuizFileError || err instanceof SurveyFileError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
