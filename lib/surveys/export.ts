// The .xlsx of a run's responses: one row per response, one column per item. Anonymous runs have
// no name or time column and come in token order (see getRunResponses).
import type { Column } from "@/lib/export/tabular";
import { surveyItems, type Survey, type SurveyAnswers } from "./schema";

export type ResponseRow = { answers: SurveyAnswers; by: string | null; submittedAt: Date | null };

export function responseColumns(survey: Survey, anonymous: boolean): Column<ResponseRow>[] {
  return [
    ...(anonymous
      ? []
      : [
          { header: "学员", value: (r: ResponseRow) => r.by, width: 18 },
          { header: "提交时间", value: (r: ResponseRow) => r.submittedAt, width: 18 },
        ]),
    ...surveyItems(survey).map((item): Column<ResponseRow> => ({
      header: item.prompt,
      value: (r) => r.answers[item.id],
      width: item.type === "text" ? 40 : 14,
    })),
  ];
}
