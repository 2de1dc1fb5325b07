import { describe, expect, it } from "vitest";
import type { Lesson } from "@/lib/content";
import { nextStepAfterQuiz } from "@/lib/quiz/next-step";

const lesson = (slug: string) => ({ slug }) as Lesson;
const modules = [
  { slug: "evolution", number: 1, title: "演变", lessons: [lesson("four-stages")] },
  { slug: "ecosystem", number: 2, title: "生态圈", lessons: [lesson("three-parties"), lesson("segments")] },
  { slug: "outline", number: 3, title: "编写中", lessons: [] },
];

describe("nextStepAfterQuiz", () => {
  it("goes on to the next module's first lesson", () => {
    expect(nextStepAfterQuiz("evolution", modules, true)).toEqual({
      kind: "module",
      href: "/course/ecosystem/three-parties",
      number: 2,
      title: "生态圈",
    });
  });

  it("goes to the module page when the next module has no lessons yet", () => {
    expect(nextStepAfterQuiz("ecosystem", modules, true)).toMatchObject({ kind: "module", href: "/course/outline" });
  });

  it("goes to the final assessment after the last module, or to the course when there is none", () => {
    expect(nextStepAfterQuiz("outline", modules, true)).toEqual({ kind: "final", href: "/quiz/final" });
    expect(nextStepAfterQuiz("outline", modules, false)).toEqual({ kind: "course", href: "/course" });
  });

  it("goes to the course page after the final assessment", () => {
    expect(nextStepAfterQuiz(null, modules, true)).toEqual({ kind: "course", href: "/course" });
  });
});
