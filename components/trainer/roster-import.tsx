"use client";
// 导入学员名单: the trainer downloads the template, uploads the bank's filled file, reads a preview
// of every row, and only then confirms. The browser keeps the chosen file and sends it again with
// the preview's fingerprint on confirm, so the server never stores it (docs/decisions/0018).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RosterPreview } from "@/lib/roster/preview";
import { DownloadLink } from "@/components/wechat/download-link";

export type RosterImportProps = { cohortId: string };

type Answer = { error?: string; preview?: RosterPreview; created?: number; updated?: number; unchanged?: number };

async function post(url: string, body: FormData): Promise<{ status: number; answer: Answer }> {
  try {
    const res = await fetch(url, { method: "POST", body });
    const answer = (await res.json().catch(() => ({ error: "服务器没有正常答复，请稍后重试" }))) as Answer;
    return { status: res.status, answer };
  } catch {
    return { status: 0, answer: { error: "网络连接中断，请检查网络后重试" } };
  }
}

export function RosterImport({ cohortId }: RosterImportProps) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const api = `/api/cohorts/${cohortId}/roster`;

  async function send(kind: "preview" | "import") {
    if (!file) {
      setError("请选择要导入的名单文件");
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    const body = new FormData();
    body.set("file", file);
    if (kind === "import" && preview) body.set("fingerprint", preview.fingerprint);
    const { status, answer } = await post(`${api}/${kind}`, body);
    setBusy(false);
    if (status === 200 && kind === "preview" && answer.preview) {
      setPreview(answer.preview);
      setOnlyProblems(false);
      return;
    }
    if (status === 200 && kind === "import") {
      setDone(`已导入：新建 ${answer.created} 人，更新 ${answer.updated} 人，无变化 ${answer.unchanged} 人。`);
      setPreview(null);
      setFile(null);
      setInputKey((k) => k + 1);
      router.refresh();
      return;
    }
    setError(answer.error ?? "导入失败，请稍后重试");
    // A stale or refused import comes back with the current plan: the trainer re-checks it.
    setPreview(answer.preview ?? null);
  }

  const counts = preview?.counts;
  const toImport = counts ? counts.create + counts.update : 0;
  const rows = preview ? preview.rows.filter((r) => !onlyProblems || r.action === "invalid") : [];
  return (
    <section className="mt-6 rounded-lg border border-gray-200 p-4" aria-labelledby="roster-title">
      <h2 id="roster-title" className="text-lg font-semibold">
        导入学员名单
      </h2>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-gray-700">
        <li>
          <DownloadLink href={`/trainer/cohorts/${cohortId}/roster/template`} className="text-brand-600 underline">
            下载名单模板（.xlsx）
          </DownloadLink>
          ，请银行培训部按模板填写（“填写说明”工作表列出了规则）。
        </li>
        <li>上传填好的 .xlsx 或 .csv 文件，先预览每一行的结果；确认后才会导入，有任何问题时不会导入任何一行。</li>
      </ol>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          名单文件（.xlsx 或 .csv，最多 5000 行）
          <input
            key={inputKey}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            className="mt-1 block text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setError(null);
              setDone(null);
            }}
          />
        </label>
        <button
          type="button"
          disabled={busy}
          onClick={() => send("preview")}
          className="rounded-md border border-brand-600 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50"
        >
          {busy ? "处理中…" : "上传并预览"}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        {done && (
          <p role="status" className="mt-3 rounded-md bg-green-50 px-3 py-2 text-sm font-medium text-green-800">
            {done}
          </p>
        )}
      </div>
      {preview && counts && (
        <div className="mt-4">
          <p className="text-sm font-medium" role="status">
            共 {preview.rows.length} 行：新建 {counts.create} · 更新 {counts.update} · 跳过（无变化）
            {counts.unchanged} · 有问题 {counts.invalid}
          </p>
          {counts.invalid > 0 ? (
            <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              有 {counts.invalid} 行需要修改：请按下表的提示改正文件后重新上传预览。有问题时不会导入任何一行。
            </p>
          ) : toImport === 0 ? (
            <p className="mt-2 text-sm text-gray-700">名单与系统中一致，无需导入。</p>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => send("import")}
              className="mt-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
            >
              确认导入 {toImport} 人
            </button>
          )}
          {counts.invalid > 0 && (
            <label className="mt-3 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
              只显示有问题的行
            </label>
          )}
          <div className="mt-3 max-h-[32rem] overflow-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">名单预览</caption>
              <thead className="sticky top-0 bg-white">
                <tr>
                  <th className="pr-3">行号</th>
                  <th className="pr-3">结果</th>
                  {preview.headers.map((h) => (
                    <th key={h} className="pr-3">
                      {h}
                    </th>
                  ))}
                  <th>问题与变更</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} className="border-t border-gray-100 align-top">
                    <td className="pr-3">{r.line}</td>
                    <td className={`pr-3 ${r.action === "invalid" ? "font-medium text-red-700" : ""}`}>{r.outcome}</td>
                    {r.cells.map((c, i) => (
                      <td key={i} className={`pr-3 ${r.bad.includes(i) ? "bg-red-50 text-red-800" : ""}`}>
                        {c}
                      </td>
                    ))}
                    <td>
                      {r.messages.map((m, i) => (
                        <p key={i} className="text-red-700">
                          {m}
                        </p>
                      ))}
                      {r.changes.length > 0 && <p className="text-gray-600">{r.changes.join("；")}</p>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
