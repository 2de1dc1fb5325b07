// The same template across the viewer's cohorts: responses, response rate, each section's Likert
// average and the NPS, side by side. Anonymous runs under the threshold show their count only.
// Counted in the database for every visible run at once (tally.ts): two statements in all.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/organisations/scope";
import { resultsVisible, sectionAverage, type NpsResult } from "./results";
import { listRunsOfSurvey } from "./runs";
import type { Survey } from "./schema";
import { tallyRunResults } from "./tally";

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
  const shown = runs.filter((run) => resultsVisible(run.anonymous, run._count.responses));
  const tallies = await tallyRunResults(db, survey, shown, 0);
  return runs.map((run) => {
    const visible = resultsVisible(run.anonymous, run._count.responses);
    const results = visible ? tallies.get(run.id) : null;
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
  });
}
