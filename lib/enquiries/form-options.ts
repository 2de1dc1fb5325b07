// What the enquiry form shows before anything is checked: the notice's version and the list of
// interests. Kept apart from schema.ts so the pages carrying the form do not load zod with them
// (components/enquiry/enquiry-check.ts loads the schema when the prospect starts filling in).

/** Bumped whenever the personal-information notice beside the consent box changes. */
export const NOTICE_VERSION = "2026-11-v1";

export const INTERESTS = {
  course: "本课程（场景化金融生态）",
  inhouse: "银行内训定制",
  consulting: "业务咨询",
  other: "其他",
} as const;
export type Interest = keyof typeof INTERESTS;
