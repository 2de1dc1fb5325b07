// 九宫格 objection sort (module 5 exercise). The three refusal causes are the ones the course's
// 九宫格 survey on 消费分期 found (source 004); the merchant objections are written for the
// exercise, not quotes from any real merchant.
import { seededShuffle } from "./shuffle";

export const CAUSES = {
  unaware: "未意识到需要",
  notUrgent: "不紧急、不重要",
  missedNeed: "未抓住需求点",
} as const;
export type Cause = keyof typeof CAUSES;

export type Objection = { id: string; text: string; cause: Cause; why: string; nextStep: string };

export const OBJECTIONS: Objection[] = [
  {
    id: "cash-only",
    text: "我们店的客人基本都是扫码付全款，分期这种东西用不上吧。",
    cause: "unaware",
    why: "商户没有看到自己的顾客其实有分期需求，问题出在认知上。",
    nextStep: "用视窗沟通把需求摆到商户眼前：同类门店里大额订单的付款方式、顾客因预算放弃购买的情形。",
  },
  {
    id: "after-peak",
    text: "现在生意还行，这事等忙完这一季再说吧。",
    cause: "notUrgent",
    why: "商户承认有用，但排不上优先级，是典型的“不紧急、不重要”。",
    nextStep: "把合作和商户眼下最关心的目标挂钩（比如淡季客流），并给出一个马上能启动、投入很小的试点。",
  },
  {
    id: "wrong-benefit",
    text: "你们一直讲手续费优惠，可我的顾客在意的是能不能一次把整套东西买齐。",
    cause: "missedNeed",
    why: "商户并不排斥，是银行讲的卖点没有对上顾客的真实需求。",
    nextStep: "换成商户的语言：分期让顾客一次买齐整套商品，客单价随之提高，这才是商户要的好处。",
  },
  {
    id: "never-heard",
    text: "从来没听说有顾客因为不能分期就不买的。",
    cause: "unaware",
    why: "商户看不到因支付方式流失的订单，于是认为需求不存在。",
    nextStep: "请商户回想被顾客“再考虑考虑”的大额订单，用具体场景让流失的需求显形。",
  },
  {
    id: "staff-training",
    text: "上分期还要培训店员，太麻烦了，不是当务之急。",
    cause: "notUrgent",
    why: "商户把合作看成额外负担，和眼前的经营目标没有关系。",
    nextStep: "由银行承担培训和物料，把启动成本降到最低，并约定一个短期的复盘时间点。",
  },
  {
    id: "bank-only",
    text: "你们讲的都是银行能多做多少业务，对我的店有什么好处？",
    cause: "missedNeed",
    why: "沟通停留在银行自己的指标上，没有抓住商户关心的销售和客流。",
    nextStep: "按“银商获利”的思路重讲：商户能得到的新客、客单价和复购，以及双方如何分担活动成本。",
  },
];

/** The order objections are shown in: shuffled once, so the causes do not come round in turn
 * (the list above is written cause by cause). The three causes keep one order on every item:
 * this is sorting into fixed categories, and moving them around would only slow people down. */
export const OBJECTIONS_IN_ORDER: Objection[] = seededShuffle(OBJECTIONS, "objection-sort");

export type SortAnswer = Partial<Record<string, Cause>>;
export type SortFeedback = {
  id: string;
  answered: boolean;
  correct: boolean;
  expected: Cause;
  message: string;
};

/** Shown instead of any verdict when 检查答案 is pressed with nothing chosen. */
export const SORT_EMPTY_PROMPT = "请先为至少一条商户异议选择原因，再检查答案。";

export function gradeObjectionSort(answer: SortAnswer) {
  const items: SortFeedback[] = OBJECTIONS.map((o) => {
    const chosen = answer[o.id];
    const correct = chosen === o.cause;
    // An objection left unsorted says so without naming its cause: the answer stays for the
    // learner to find.
    const message = !chosen
      ? "还没有归类：请为这条异议选择一个原因。"
      : correct
        ? `正确，属于“${CAUSES[o.cause]}”。${o.why}下一步：${o.nextStep}`
        : `不对，您选了“${CAUSES[chosen]}”，应归为“${CAUSES[o.cause]}”。${o.why}下一步：${o.nextStep}`;
    return { id: o.id, answered: Boolean(chosen), correct, expected: o.cause, message };
  });
  return {
    items,
    answered: items.filter((i) => i.answered).length,
    correct: items.filter((i) => i.correct).length,
    total: items.length,
  };
}
