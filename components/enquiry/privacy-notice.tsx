// The personal-information notice beside the consent box (PIPL: who collects what, for what,
// how long it is kept, how to have it deleted). Changing this text means bumping NOTICE_VERSION.
import { NOTICE_VERSION } from "@/lib/enquiries/form-options";

export function PrivacyNotice({ retentionDays }: { retentionDays: number }) {
  return (
    <div id="privacy-notice" className="rounded-lg bg-gray-50 p-3 text-xs leading-relaxed text-gray-600">
      <p className="font-medium text-gray-700">个人信息处理说明（版本 {NOTICE_VERSION}）</p>
      <p className="mt-1">
        本课程运营方收集您填写的姓名、单位、职务、联系方式、城市和留言，仅用于与您联系、介绍培训方案，不用于其他目的，不向第三方提供。
        信息保存 {retentionDays}{" "}
        天，到期自动删除；您也可以随时要求查询、更正或删除：在留言中注明，或回复我们联系您的邮件或电话，我们将在 15
        个工作日内处理。
      </p>
    </div>
  );
}
