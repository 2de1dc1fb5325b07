// The learners' worksheets, as data. One definition feeds both the printable A4 page
// (app/(learn)/worksheets/[slug]) and the .xlsx download (lib/worksheets/xlsx.ts), so the two
// always ask for the same fields. Labels and instructions are the course's own general guidance:
// no figures, nothing quoted from a source.
import { CAUSES } from "@/lib/exercises/objection-sort";

/** A box to write in, `lines` ruled lines high. */
export type WorksheetField = { label: string; lines: number };

export type WorksheetSection =
  | { kind: "fields"; title: string; fields: WorksheetField[] }
  | {
      kind: "table";
      title: string;
      /** Header of the first column, whose cells are the row labels; none when rows are unlabelled. */
      rowHeader?: string;
      columns: { header: string; /** in characters, for the spreadsheet and the page's proportions */ width: number }[];
      rows: { label?: string; lines: number }[];
    };

export type WorksheetSlug = "objection-sort" | "partnership-plan" | "daily-report" | "corporate-event" | "action-plan";

export type Worksheet = {
  slug: WorksheetSlug;
  title: string;
  summary: string;
  instructions: string[];
  /** The module it belongs with (a slug from content/modules). */
  module: string;
  orientation: "portrait" | "landscape";
  sections: WorksheetSection[];
};

const line = (label: string, lines = 1): WorksheetField => ({ label, lines });
const rowsOf = (labels: string[], lines = 1) => labels.map((label) => ({ label, lines }));
const checkColumns = [
  { header: "负责人", width: 12 },
  { header: "完成时间", width: 12 },
  { header: "完成情况", width: 16 },
];

export const WORKSHEETS: Worksheet[] = [
  {
    slug: "objection-sort",
    title: "九宫格异议归类表",
    summary: "把商户拒绝消费分期的原话按三类原因归类，写下背后的顾虑和您的回应。",
    module: "scenario-driven",
    orientation: "landscape",
    instructions: [
      "拜访或电话沟通之后，把商户拒绝消费分期时的原话逐条记下，按三类原因填进对应的一行。",
      "“背后的顾虑”写您判断的真实原因，不要照抄原话；“我的回应”写下次打算怎么说、带什么材料。",
      "哪一类原因记得最多，下次拜访就先为这一类做准备。",
    ],
    sections: [
      { kind: "fields", title: "基本信息", fields: [line("商户名称"), line("行业与主营"), line("拜访日期")] },
      {
        kind: "table",
        title: "九宫格",
        rowHeader: "拒绝原因",
        columns: [
          { header: "商户原话", width: 28 },
          { header: "背后的顾虑", width: 28 },
          { header: "我的回应", width: 34 },
        ],
        rows: rowsOf(Object.values(CAUSES), 4),
      },
      { kind: "fields", title: "复盘", fields: [line("最常见的一类原因，以及下次拜访先准备什么", 3)] },
    ],
  },
  {
    slug: "partnership-plan",
    title: "银商合作方案画布",
    summary: "按“银行出力、银商获利、客户受益”三条原则，为一家商户写出合作方案。",
    module: "bank-merchant",
    orientation: "landscape",
    instructions: [
      "一张画布只写一家商户。先写商户概况，再按三条原则逐格填写。",
      "哪一格写不出来，说明方案还不成熟：回去补了解，而不是硬填。",
      "优惠和分期的费用、条件要能向客户讲清楚，写进“合规提示”。",
    ],
    sections: [
      {
        kind: "fields",
        title: "商户概况",
        fields: [line("商户名称与行业"), line("主要客群与消费场景", 2), line("商户眼下最关心的经营问题", 2)],
      },
      { kind: "fields", title: "银行出力", fields: [line("银行投入的资源（客群、渠道、宣传、系统、人员）", 3)] },
      {
        kind: "fields",
        title: "银商获利",
        fields: [line("商户得到什么", 2), line("银行得到什么", 2), line("费用和成本怎样分担", 2)],
      },
      { kind: "fields", title: "客户受益", fields: [line("客户得到的实惠", 2), line("客户为什么会在这里用卡", 2)] },
      {
        kind: "fields",
        title: "活动设计",
        fields: [line("活动时间与节奏"), line("宣传渠道与物料", 2), line("一线人员分工", 2)],
      },
      { kind: "fields", title: "跟踪与复盘", fields: [line("跟踪哪些指标", 2), line("复盘时间与参加人")] },
      {
        kind: "fields",
        title: "合规提示",
        fields: [line("需要向客户如实说明的费用与条件；个人信息的授权与保管", 2)],
      },
    ],
  },
  {
    slug: "daily-report",
    title: "每日业务报表",
    summary: "当天的数字当天报：对照目标看进度，并写清数字背后的原因。",
    module: "metrics",
    orientation: "portrait",
    instructions: [
      "每天下班前填写，当天的数字当天报，便于主管当日跟进。",
      "“本月累计”和“进度”用来对照目标；“说明”写数字背后的原因，不要重复数字。",
      "各项指标的口径（例如怎样算激活、怎样算首刷）以本行规定为准，全团队保持一致。",
    ],
    sections: [
      { kind: "fields", title: "基本信息", fields: [line("姓名"), line("网点（团队）"), line("日期")] },
      {
        kind: "table",
        title: "当日指标",
        rowHeader: "指标",
        columns: [
          { header: "今日", width: 10 },
          { header: "本月累计", width: 11 },
          { header: "本月目标", width: 11 },
          { header: "进度", width: 9 },
          { header: "说明", width: 30 },
        ],
        rows: rowsOf(["新增申请", "核准发卡", "激活", "首刷", "分期业务", "商户拜访", "对公客户接触", "其他"]),
      },
      {
        kind: "fields",
        title: "今日小结",
        fields: [line("亮点或成交经验", 2), line("遇到的问题与需要的支持", 2), line("明日计划", 2)],
      },
    ],
  },
  {
    slug: "corporate-event",
    title: "对公客户活动清单",
    summary: "到企业开展员工福利、办卡活动时，活动前、活动中、活动后逐项核对。",
    module: "corporate",
    orientation: "portrait",
    instructions: [
      "每一项写明负责人和完成时间；做完写“已完成”，没做的写原因。",
      "讲解产品时如实说明年费、分期手续费等费用和条件，不作无法兑现的承诺。",
      "申请资料由员工本人填写、签名，当场收妥，按本行规定交接和保管。",
    ],
    sections: [
      {
        kind: "fields",
        title: "活动信息",
        fields: [line("企业名称"), line("企业联系人与关键人物"), line("活动时间与地点"), line("活动目标", 2)],
      },
      {
        kind: "table",
        title: "活动前",
        rowHeader: "事项",
        columns: checkColumns,
        rows: rowsOf([
          "与企业确认活动形式、时间和场地",
          "了解员工构成和主要需求",
          "确定员工福利方案和权益说明",
          "准备申请材料、宣传物料和签到表",
          "确认个人信息的授权方式和资料保管办法",
          "现场人员分工和讲解演练",
        ]),
      },
      {
        kind: "table",
        title: "活动中",
        rowHeader: "事项",
        columns: checkColumns,
        rows: rowsOf([
          "签到和现场秩序",
          "讲清产品权益、年费和分期费用",
          "由员工本人填写和签名，资料当场收妥",
          "不承诺无法兑现的额度或礼品",
          "记录有后续需求的员工",
        ]),
      },
      {
        kind: "table",
        title: "活动后",
        rowHeader: "事项",
        columns: checkColumns,
        rows: rowsOf([
          "资料交接、录入和核对",
          "跟进未完成的申请",
          "提醒新卡激活和首次用卡",
          "向企业联系人反馈活动结果",
          "团队复盘，记下次改进的地方",
        ]),
      },
      { kind: "fields", title: "复盘记录", fields: [line("做得好的和要改进的", 3)] },
    ],
  },
  {
    slug: "action-plan",
    title: "个人行动计划",
    summary: "学完课程后，挑一到三件回到岗位就能做的事，写清对象、时间和怎样算做到。",
    module: "outlook",
    orientation: "portrait",
    instructions: [
      "学完课程一周内填写，挑一到三件回到岗位就能做的事。",
      "每个行动写清做什么、对谁、什么时候，以及怎样算做到；避免“加强”“提升”这类说不清的词。",
      "约定复盘日期，把计划给主管或同事看，请他们到时问您进展。",
    ],
    sections: [
      { kind: "fields", title: "基本信息", fields: [line("姓名"), line("岗位与网点"), line("填写日期")] },
      {
        kind: "fields",
        title: "我的起点",
        fields: [line("对我触动最大的一个观点", 2), line("我的团队眼下最需要解决的问题", 2)],
      },
      {
        kind: "table",
        title: "行动",
        rowHeader: "序号",
        columns: [
          { header: "做什么、对谁", width: 30 },
          { header: "需要的支持或资源", width: 18 },
          { header: "完成时间", width: 12 },
          { header: "怎样算做到", width: 20 },
        ],
        rows: rowsOf(["行动一", "行动二", "行动三"], 3),
      },
      { kind: "fields", title: "复盘", fields: [line("复盘日期"), line("实际做到了什么，下一步怎样调整", 3)] },
    ],
  },
];

export function getWorksheet(slug: string): Worksheet | undefined {
  return WORKSHEETS.find((w) => w.slug === slug);
}

/** Every label a learner writes against, in reading order: what both the page and the xlsx show. */
export function worksheetLabels(w: Worksheet): string[] {
  return w.sections.flatMap((s) =>
    s.kind === "fields"
      ? [s.title, ...s.fields.map((f) => f.label)]
      : [
          s.title,
          ...(s.rowHeader ? [s.rowHeader] : []),
          ...s.columns.map((c) => c.header),
          ...s.rows.flatMap((r) => (r.label ? [r.label] : [])),
        ],
  );
}
