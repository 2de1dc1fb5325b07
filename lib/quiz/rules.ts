// Quiz rules that `npm run content:check` enforces beyond the schema (issue 15 §2): what can be
// counted about a fair, judgement-testing quiz. Each rule is a pure function over loaded quizzes
// returning problems that name the file and the question id (tests/unit/quiz-rules.test.ts).
import type { ContentProblem } from "@/lib/content/problems";
import type { Question } from "./schema";
import { FINAL_QUIZ_ID, type LoadedQuiz } from "./load";

type QuizLike = Pick<LoadedQuiz, "id" | "file" | "moduleSlug" | "questions">;

export const SINGLE_CHOICES = 4;
export const MODULE_QUIZ_SIZE = { min: 6, max: 8 } as const;
export const FINAL_POOL_MIN = 60;
export const CASE_TAG_PREFIX = "case:";

const at = (q: Question) => `questions.${q.id}`;
const length = (s: string) => [...s.trim()].length;

/** Single choice: exactly four options (one key, three distractors worth considering). */
export function checkChoiceCounts(quiz: QuizLike): ContentProblem[] {
  return quiz.questions.flatMap((q) =>
    q.type === "single" && q.choices.length !== SINGLE_CHOICES
      ? [
          {
            rule: "single-choices",
            file: quiz.file,
            at: at(q),
            message: `has ${q.choices.length} choices; a single-choice question has exactly ${SINGLE_CHOICES}`,
          },
        ]
      : [],
  );
}

/** Multiple choice: at least one wrong option, or ticking everything is always right. */
export function checkMultipleHasWrong(quiz: QuizLike): ContentProblem[] {
  return quiz.questions.flatMap((q) =>
    q.type === "multiple" && q.choices.every((c) => c.correct)
      ? [{ rule: "multiple-wrong", file: quiz.file, at: at(q), message: "every choice is correct; add a wrong option" }]
      : [],
  );
}

/** Whether the key gives itself away by length: a correct option strictly longer than every wrong one. */
export function keyIsLongest(q: Question): boolean {
  if (q.type !== "single" && q.type !== "multiple") return false;
  const right = q.choices.filter((c) => c.correct).map((c) => length(c.text));
  const wrong = q.choices.filter((c) => !c.correct).map((c) => length(c.text));
  return wrong.length > 0 && Math.max(...right) > Math.max(...wrong);
}

/** "Pick the longest" must not pay: the key is the longest option in at most a third of a quiz's
 * single and multiple questions. */
export function checkKeyLength(quiz: QuizLike): ContentProblem[] {
  const choiceQuestions = quiz.questions.filter((q) => q.type === "single" || q.type === "multiple");
  const longest = choiceQuestions.filter(keyIsLongest);
  if (longest.length * 3 <= choiceQuestions.length) return [];
  return [
    {
      rule: "key-longest",
      file: quiz.file,
      message:
        `the key is the longest option in ${longest.length} of ${choiceQuestions.length} choice questions ` +
        `(at most a third): ${longest.map((q) => q.id).join(", ")}`,
    },
  ];
}

/** Every question explains its answer and carries at least one topic tag. (The schema refuses
 * these too, by position; this names the question.) */
export function checkExplanationsAndTags(quiz: QuizLike): ContentProblem[] {
  return quiz.questions.flatMap((q) => {
    const out: ContentProblem[] = [];
    if (!q.explanation?.trim())
      out.push({ rule: "explanation", file: quiz.file, at: at(q), message: "has no explanation" });
    if (!q.tags?.some((t) => t.trim()))
      out.push({ rule: "tags", file: quiz.file, at: at(q), message: "has no topic tag" });
    return out;
  });
}

/** Module quizzes: 6-8 questions, enough to sample the module without turning into an exam. */
export function checkModuleQuizSize(quiz: QuizLike): ContentProblem[] {
  if (quiz.moduleSlug === null) return [];
  const n = quiz.questions.length;
  if (n >= MODULE_QUIZ_SIZE.min && n <= MODULE_QUIZ_SIZE.max) return [];
  return [
    {
      rule: "module-quiz-size",
      file: quiz.file,
      message: `has ${n} questions; a module quiz has ${MODULE_QUIZ_SIZE.min}-${MODULE_QUIZ_SIZE.max}`,
    },
  ];
}

/** The module a question tests: its first tag when that is a module slug, else its lesson's module. */
export function moduleOfQuestion(q: Question, moduleSlugs: ReadonlySet<string>): string | null {
  const first = q.tags[0];
  if (first && moduleSlugs.has(first)) return first;
  const fromLesson = q.lesson.split("/")[0] ?? "";
  return moduleSlugs.has(fromLesson) ? fromLesson : null;
}

/** The final assessment is a pool the exam draws balanced sets from: at least 60 questions, every
 * module and every case (tag `case:<slug>`) represented. */
export function checkFinalPool(
  quizzes: QuizLike[],
  course: { moduleSlugs: string[]; caseSlugs: string[] },
): ContentProblem[] {
  const final = quizzes.find((q) => q.id === FINAL_QUIZ_ID && q.moduleSlug === null);
  if (!final) return [{ rule: "final-pool", file: "content/final-assessment.yaml", message: "is missing" }];
  const problems: ContentProblem[] = [];
  const rule = "final-pool";
  if (final.questions.length < FINAL_POOL_MIN)
    problems.push({
      rule,
      file: final.file,
      message: `has ${final.questions.length} questions; the pool needs at least ${FINAL_POOL_MIN}`,
    });
  const modules = new Set(course.moduleSlugs);
  const cases = new Set(course.caseSlugs);
  const coveredModules = new Set<string>();
  const coveredCases = new Set<string>();
  for (const q of final.questions) {
    const m = moduleOfQuestion(q, modules);
    if (m) coveredModules.add(m);
    for (const tag of q.tags) {
      if (!tag.startsWith(CASE_TAG_PREFIX)) continue;
      const slug = tag.slice(CASE_TAG_PREFIX.length);
      if (cases.has(slug)) coveredCases.add(slug);
      else problems.push({ rule, file: final.file, at: at(q), message: `tag "${tag}" names no case in content/cases` });
    }
  }
  const missingModules = course.moduleSlugs.filter((s) => !coveredModules.has(s));
  if (missingModules.length)
    problems.push({ rule, file: final.file, message: `no question for module ${missingModules.join(", ")}` });
  const missingCases = course.caseSlugs.filter((s) => !coveredCases.has(s));
  if (missingCases.length)
    problems.push({
      rule,
      file: final.file,
      message: `no question tagged ${missingCases.map((s) => `${CASE_TAG_PREFIX}${s}`).join(", ")}`,
    });
  return problems;
}

/** Every quiz rule, in the order content:check prints them. */
export function checkQuizRules(
  quizzes: QuizLike[],
  course: { moduleSlugs: string[]; caseSlugs: string[] },
): ContentProblem[] {
  return [
    ...quizzes.flatMap((q) => [
      ...checkChoiceCounts(q),
      ...checkMultipleHasWrong(q),
      ...checkKeyLength(q),
      ...checkExplanationsAndTags(q),
      ...checkModuleQuizSize(q),
    ]),
    ...checkFinalPool(quizzes, course),
  ];
}
