// The same template across the viewer's cohorts: responses, response rate, each section's Likert
// average and the NPS, side by side. Anonymous runs under the threshold show their count only.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/organisations/scope";
import { computeResults, resultsVisible, sectionAverage, type NpsResult } from "./results";
import { getRunResponses, listRunsOfSurvey } from "./runs";
import type { Survey } from "./schema";

export type ComparisonRow = {
  runId: string;
  cohortId: string;
  cohortName: string;
  opensAt: Date;
  responses: number;
  members: number;
  visible: boolean;
  sections: (number | null)[];
  nps: NpsResult | null;
};

export async function getSurveyComparison(db: PrismaClient, viewer: Viewer, survey: Survey): Promise<ComparisonRow[]> {
  const runs = await listRunsOfSurvey(db, viewer, survey.id);
  return Promise.all(
    runs.map(async (run) => {
      const visible = resultsVisible(run.anonymous, run._count.responses);
      const results = visible ? computeResults(survey, await getRunResponses(db, run)) : null;
      return {
        runId: run.id,
        cohortId: run.cohort.id,
        cohortName: run.cohort.name,
        opensAt: run.opensAt,
        responses: run._count.responses,
        members: run.cohort._count.members,
        visible,
        sections: results ? results.sections.map((s) => sectionAverage(s.items)) : survey.sections.map(() => null),
        nps: results?.nps ?? null,
      };
    }),
  );
}
