import { DownloadLink } from "@/components/wechat/download-link";
import { posterFileName, type PosterKind } from "@/lib/share/poster";

export type CohortPostersProps = {
  cohortId: string;
  cohortName: string;
  /** The invite poster too (the cohort's trainer and the admin), or only the course poster. */
  canInvite: boolean;
  inWeChat: boolean;
};

const LABELS: Record<PosterKind, string> = { invite: "邀请海报（PNG）", course: "课程海报（PNG）" };

/** The QR posters for the class's WeChat group (app/(trainer)/trainer/cohorts/[id]/posters). */
export function CohortPosters({ cohortId, cohortName, canInvite, inWeChat }: CohortPostersProps) {
  const kinds: PosterKind[] = canInvite ? ["invite", "course"] : ["course"];
  return (
    <section className="mt-3 text-sm text-gray-700" aria-labelledby="posters-title">
      <h2 id="posters-title" className="font-semibold text-gray-900">
        微信群海报
      </h2>
      <p className="mt-1">
        {canInvite ? "邀请海报上的二维码即邀请链接；" : ""}
        发到班级微信群，学员长按识别二维码即可{canInvite ? "加入班级或" : ""}开始学习。
      </p>
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {kinds.map((kind) => (
          <DownloadLink
            key={kind}
            kind="image"
            href={`/trainer/cohorts/${cohortId}/posters/${kind}`}
            download={posterFileName(kind, cohortName)}
            inWeChat={inWeChat}
            className="text-brand-600 hover:underline"
          >
            {LABELS[kind]}
          </DownloadLink>
        ))}
      </p>
    </section>
  );
}
