// The interactive case exercises: practice anyone can try, no account needed. Each names the
// module it practises, so module pages can link to it.
export type ExerciseSlug = "activity-rates" | "objection-sort" | "partnership-plan";
export type Exercise = { slug: ExerciseSlug; title: string; summary: string; module: string; instructions: string };

export const EXERCISES: Exercise[] = [
  {
    slug: "activity-rates",
    title: "活卡率 / 实动率计算器",
    summary: "先选口径（分母用发卡量还是流通卡量），再算活卡率和实动率，看清口径不同时数字为什么不同。",
    module: "metrics",
    instructions: "选择活卡率的分母，填入同一统计期的数字（整数，不可为负），点击“计算”。",
  },
  {
    slug: "objection-sort",
    title: "九宫格异议归类",
    summary: "把商户拒绝消费分期的说法归入三类原因，并看看每一类该怎么回应。",
    module: "scenario-driven",
    instructions: "为每条商户异议选择一个原因，然后点击“检查答案”。",
  },
  {
    slug: "partnership-plan",
    title: "银商合作方案检查",
    summary: "为一家商户设计合作方案，对照“银行出力、银商获利、客户受益”三条原则检查。",
    module: "bank-merchant",
    instructions: "每条原则选择一项做法，然后点击“检查方案”。",
  },
];

export function getExercise(slug: string) {
  return EXERCISES.find((e) => e.slug === slug);
}
