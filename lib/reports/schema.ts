// The 更新数据 forms of the 结项报告 pages, shared by the pages and their actions.
import { z } from "zod";

const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9]{1,40}$/i, "记录不存在");

export const refreshCohortReportSchema = z.object({ cohortId: id });

export const refreshOrganisationReportSchema = z.object({ organisationId: id });
