import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { PrintButton } from "@/components/print-button";
import { DownloadLink } from "@/components/wechat/download-link";
import { ReportView } from "@/components/reports/report-view";
import { CohortNav } from "@/components/trainer/cohort-nav";
import { requireVisibleCohort } from "@/lib/dashboard/require-cohort";
import { formatDateTime } from "@/lib/format/beijing-time";
import { openCohortReport } from "@/lib/reports/snapshot";
import { refreshCohortReportAction } from "./actions";

export const metadata: Metadata = { title: "结项报告" };

type CohortReportPageProps = { params: Promise<{ id: string }> };

export default async function CohortReportPage({ params }: CohortReportPageProps) {
  const { id } = await params;
  const { user, cohort, db } = await requireVisibleCohort(id, `/trainer/cohorts/${id}/report`);
  // The stored snapshot (lib/reports/snapshot.ts): the print and the .xlsx pack read the same one.
  const result = await openCohortReport(db, user, cohort.id);
  if (!result.ok) forbidden();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <CohortNav cohort={cohort} current="report" />
      <div className="no-print mt-6 flex flex-wrap items-center gap-4">
        <PrintButton label="打印 / 导出PDF" />
        <DownloadLink
          href={`/trainer/cohorts/${cohort.id}/report/xlsx`}
          className="font-medium text-brand-600 hover:underline"
        >
          下载 Excel 数据包
        </DownloadLink>
        <p className="text-sm text-gray-600">打印时请选择 A4 纵向；每个部分从新的一页开始。</p>
      </div>
      <div className="no-print mt-4 max-w-md">
        <p className="text-sm text-gray-700">
          数据截至 {formatDateTime(result.report.generatedAt)}（北京时间）。页面、打印和 Excel
          数据包都是这一刻的数据；超过 24 小时打开时自动更新。
        </p>
        <div className="mt-2">
          <ActionForm
            action={refreshCohortReportAction}
            submitLabel="更新数据"
            hidden={{ cohortId: cohort.id }}
            fields={[]}
          />
        </div>
      </div>
      <div className="mt-8">
        <ReportView report={result.report} title={`${cohort.name} 结项报告`} />
      </div>
    </div>
  );
}
