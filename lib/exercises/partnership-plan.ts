// 银商合作 plan check (module 4 exercise): for one described merchant the learner picks what the
// bank contributes, what the merchant gains and what the customer gets, and each pick is checked
// against the three principles of module 4 (source 004): 银行出力 — spend on the 刀刃 after
// analysing the merchant; 银商获利 — 共赢 with a fair split; 客户受益 — 实惠 that fits preferences.
// The merchant is an illustration written for the exercise.
import { seededShuffle } from "./shuffle";

export const MERCHANT = {
  name: "社区烘焙连锁店（设想案例）",
  description:
    "一家有三家门店的社区烘焙店，顾客多是附近上班族和家庭。店主想提高工作日下午的客流，又担心让利太多伤了利润；银行希望借合作带动信用卡的使用和新客办卡。",
};

export type Principle = "bankEffort" | "sharedGain" | "customerBenefit";
export const PRINCIPLES: Record<Principle, { title: string; question: string }> = {
  bankEffort: { title: "银行出力", question: "银行把活动资源投在哪里？" },
  sharedGain: { title: "银商获利", question: "银行和商户如何分配投入与收益？" },
  customerBenefit: { title: "客户受益", question: "持卡客户得到什么？" },
};

export type PlanOption = { id: string; text: string; good: boolean; feedback: string };

export const OPTIONS: Record<Principle, PlanOption[]> = {
  bankEffort: [
    {
      id: "targeted-slot",
      text: "先看门店的交易时段，把活动费用集中投在工作日下午的刷卡立减上",
      good: true,
      feedback: "费用花在“刀刃”上：先分析商户，再把资源集中到商户最想解决的时段。",
    },
    {
      id: "blanket-discount",
      text: "全年全场打折，费用全部由银行承担",
      good: false,
      feedback: "费用摊得太薄、时间拉得太长，没有对准商户的痛点，也难以持续，不是“刀刃”。",
    },
    {
      id: "posters-only",
      text: "在三家门店铺满宣传物料，不做任何数据分析",
      good: false,
      feedback: "没有对商户和客群的分析，投入无法评估效果，违背“银行出力”要先分析商户选择的原则。",
    },
  ],
  sharedGain: [
    {
      id: "split-cost",
      text: "立减成本由银行和商户按约定比例分担，商户获得新增客流，银行获得用卡交易和新客",
      good: true,
      feedback: "出发点在“共赢”：投入和收益都有清楚、合理的分配，双方才有持续合作的意愿。",
    },
    {
      id: "merchant-pays",
      text: "优惠成本全部由商户承担，银行只负责宣传",
      good: false,
      feedback: "利益分配失衡，商户的让利顾虑反而被放大，合作很难推进。",
    },
    {
      id: "bank-takes-all",
      text: "银行独享活动带来的客户信息和收益，商户只得到曝光",
      good: false,
      feedback: "只有一方获利，不符合“银商获利”的共赢原则。",
    },
  ],
  customerBenefit: [
    {
      id: "instant-discount",
      text: "工作日下午刷卡直接立减，规则一句话说得清",
      good: true,
      feedback: "看得见的“实惠”，又贴合上班族下午茶的消费偏好，最能带来黏性和转化。",
    },
    {
      id: "points-next-year",
      text: "消费累计积分，满一年后可兑换小礼品",
      good: false,
      feedback: "回报太远、太小，客户感受不到实惠，难以改变消费习惯。",
    },
    {
      id: "three-apps",
      text: "先下载注册三个应用、完成实名后才能参加",
      good: false,
      feedback: "参与门槛太高，与客户追求便捷的偏好相反，实惠再大也会流失。",
    },
  ],
};

/** The options of one principle in the order they are shown: shuffled per principle, because
 * the lists above are written with the good option first. */
export function optionsInOrder(principle: Principle): PlanOption[] {
  return seededShuffle(OPTIONS[principle], `partnership-plan:${principle}`);
}

export type PlanChoice = Partial<Record<Principle, string>>;

export function gradePlan(choice: PlanChoice) {
  const items = (Object.keys(PRINCIPLES) as Principle[]).map((p) => {
    const option = OPTIONS[p].find((o) => o.id === choice[p]);
    if (!option) {
      return { principle: p, answered: false, good: false, message: `请为“${PRINCIPLES[p].title}”选择一项。` };
    }
    return {
      principle: p,
      answered: true,
      good: option.good,
      message: `${option.good ? "好的选择" : "需要调整"}：${option.feedback}`,
    };
  });
  const answered = items.filter((i) => i.answered).length;
  const good = items.filter((i) => i.good).length;
  // Nothing chosen: ask for a choice and judge nothing. Part of a plan: say what is missing
  // rather than counting the blanks as principles the plan breaks.
  const summary =
    answered === 0
      ? "请先为三条原则各选择一项做法，再检查方案。"
      : answered < items.length
        ? `还有 ${items.length - answered} 条原则没有选择做法，请选择后再检查。`
        : good === items.length
          ? "三条原则都做到了：银行出力、银商获利、客户受益，这样的方案才能带来客户黏性和转化。"
          : `还有 ${items.length - good} 条原则没有做到，请根据提示调整后再检查。`;
  return { items, answered, good, total: items.length, summary };
}
