import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { PrintButton } from "@/components/print-button";
import { DownloadLink } from "@/components/wechat/download-link";
import { ReportView } from "@/components/reports/report-view";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/beijing-time";
import { openOrganisationReport } from "@/lib/reports/snapshot";
import { refreshOrganisationReportAction } from "./actions";

export const metadata: Metadata = { title: "客户机构结项报告" };

type OrganisationReportPageProps = { params: Promise<{ id: string }> };

export default async function OrganisationReportPage({ params }: OrganisationReportPageProps) {
  const { id } = await params;
  const user = await requireRole(["TRAINER", "CLIENT_ADMIN"], `/trainer/organisations/${id}/report`);
  // The stored snapshot for whoever sees the whole organisation (lib/reports/snapshot.ts); a
  // trainer's, over their own cohorts, is computed now.
  const result = await openOrganisationReport(getDb(), user, id);
  if (!result.ok) forbidden();
  const { report } = result;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <nav aria-label="返回" className="no-print">
        <Link href="/trainer" className="text-sm text-brand-600 hover:underline">
          ← 返回班级列表
        </Link>
      </nav>
      <div className="no-print mt-4 flex flex-wrap items-center gap-4">
        <PrintButton label="打印 / 导出PDF" />
        <DownloadLink
          href={`/trainer/organisations/${id}/report/xlsx`}
          className="font-medium text-brand-600 hover:underline"
        >
          下载 Excel 数据包
        </DownloadLink>
        <p className="text-sm text-gray-600">
          {user.role === "TRAINER" ? "包含您在本机构负责的班级。" : "包含本机构的全部班级。"}
          打印时请选择 A4 纵向。
        </p>
      </div>
      <div className="no-print mt-4 max-w-md">
        <p className="text-sm text-gray-700">
          数据截至 {formatDateTime(report.generatedAt)}（北京时间）。
          {result.stored && "页面、打印和 Excel 数据包都是这一刻的数据；超过 24 小时打开时自动更新。"}
        </p>
        {result.stored && (
          <div className="mt-2">
            <ActionForm
              action={refreshOrganisationReportAction}
              submitLabel="更新数据"
              hidden={{ organisationId: id }}
              fields={[]}
            />
          </div>
        )}
      </div>
      <div className="mt-8">
        <ReportView report={report} title={`${report.organisation.name} 培训项目结项报告`} />
      </div>
    </div>
  );
}
