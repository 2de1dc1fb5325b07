// Reading time of the online course, summed from each lesson's own estimate (lib/content/markdown.ts:
// ~400 Chinese characters a minute, rounded up per lesson). The classroom plan (学时) is separate:
// it includes discussion and exercises, so it is stated in course.md, not computed.
type WithLessons = { lessons: { minutes: number }[] };

export function moduleReadingMinutes(module: WithLessons): number {
  return module.lessons.reduce((n, l) => n + l.minutes, 0);
}

export function courseReadingMinutes(modules: WithLessons[]): number {
  return modules.reduce((n, m) => n + moduleReadingMinutes(m), 0);
}
