// npm run content:check — validates content/ exactly as the build does, without building.
import { ContentError, loadContent } from "@/lib/content/load";
import { loadQuizzes, QuizFileError } from "@/lib/quiz/load";

try {
  const c = loadContent();
  const quizzes = loadQuizzes(c);
  const lessons = c.modules.reduce((n, m) => n + m.lessons.length, 0);
  const questions = quizzes.reduce((n, q) => n + q.questions.length, 0);
  console.log(
    `内容检查通过 (content OK): ${c.modules.length} 个模块, ${lessons} 节课, ${c.cases.length} 个案例, ${quizzes.length} 个测验 ${questions} 道题`,
  );
} catch (err) {
  if (err instanceof ContentError || err instanceof QuizFileError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
