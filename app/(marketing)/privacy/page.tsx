import type { Metadata } from "next";
import Link from "@/components/link";
import { env } from "@/lib/env";
import { pageMetadata } from "@/lib/seo/page-metadata";

// The provider's notice for the whole site (accounts, learning records, enquiries, cookies).
// The consent box on the enquiry form keeps its own short notice (components/enquiry/
// privacy-notice.tsx, versioned); this page says the same about enquiries, and more about the
// rest. Prerendered: the retention period is read at build time, like that notice.
export const metadata: Metadata = pageMetadata({
  title: "个人信息保护说明",
  description: "课程运营方说明本网站收集哪些个人信息、用于什么、谁能看到、保存多久，以及如何查询、更正或删除。",
  path: "/privacy",
});

const UPDATED = "2026年11月";

export default function PrivacyPage() {
  const days = env.ENQUIRY_RETENTION_DAYS;
  const contact = env.ENQUIRY_CONTACT;
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm text-gray-500">课程运营方发布 · 更新于 {UPDATED}</p>
      <h1 className="mt-2 text-3xl font-bold text-brand-900">个人信息保护说明</h1>
      <div className="prose-zh mt-6">
        <p>
          本网站和“场景化金融生态 —
          信用卡业务的转型与发展”课程由课程运营方（培训服务提供方）提供。本说明是运营方对本网站如何处理个人信息的说明。
          银行采购内训时，学员账号可能由银行的培训管理员或培训师协助开通，但本网站上的个人信息由运营方负责处理。
        </p>

        <h2>我们收集哪些信息</h2>
        <ul>
          <li>
            <strong>学习账号</strong>
            ：注册或开通账号时填写的姓名、邮箱和密码，以及账号角色和所在班级。密码只保存加盐后的散列值，任何人都看不到原文。
          </li>
          <li>
            <strong>学习记录</strong>
            ：已学完的课时、测验的每次作答和成绩、结业证书。阅读课程、案例、术语表和练习无需登录，这些页面不记录个人信息。
          </li>
          <li>
            <strong>咨询信息</strong>
            ：只有在您勾选同意后，才会收集您在“咨询内训”表单中填写的姓名、单位、职务、手机、邮箱、城市、咨询意向、预计人数、方便联系的时间和留言，并记录同意的时间和所同意说明的版本。
          </li>
          <li>
            <strong>安全记录</strong>
            ：为防止密码被猜测和表单被滥用，登录、注册和提交咨询时会记录访问次数，记录中的邮箱和网络地址经过加密摘要处理、不保存原文，一小时后自动删除；安全日志只记录账号编号和经摘要处理的网络地址；查看、导出和删除个人信息的操作会记入操作记录（只含编号和条数，不含个人信息本身）。
          </li>
          <li>
            <strong>Cookie</strong>：只使用保持登录所需的 Cookie，闲置 8 小时或登录满 12
            小时后失效，退出登录即清除；登录成功后还会保存一个“常用设备”标记（不含密码，180
            天有效），账号遭遇密码猜测时，常用设备仍可正常登录。本网站不使用广告或统计跟踪
            Cookie，也不加载任何第三方的脚本或字体。
          </li>
        </ul>

        <h2>用于什么</h2>
        <ul>
          <li>
            账号和学习记录：让您保存学习进度、参加测验、获得结业证书；让您所在班级的培训师了解学习情况、安排辅导。
          </li>
          <li>咨询信息：仅用于与您联系、介绍培训方案，不用于其他目的。</li>
          <li>我们不出售个人信息，也不向第三方提供，法律法规另有规定的除外。</li>
        </ul>

        <h2>谁能看到</h2>
        <ul>
          <li>您本人：自己的学习进度、成绩和证书（“我的”页面）。</li>
          <li>您所在班级的培训师：本班学员的学习进度和测验作答；培训师看不到其他班级的学员。</li>
          <li>运营方的管理员：账号管理和个人信息操作记录。</li>
          <li>咨询信息：只有运营方的培训师和管理员可以查看，列表中的手机和邮箱会打码。</li>
          <li>结业证书：凭证书链接即可查看，便于单位核验；证书页只显示姓名、课程名称和日期，不被搜索引擎收录。</li>
        </ul>

        <h2>保存多久</h2>
        <ul>
          <li>咨询信息保存 {days} 天，到期自动删除其中的个人信息，只保留不含个人信息的计数；您也可以要求提前删除。</li>
          <li>账号和学习记录在培训项目期间保存，以便您查看进度和证书；项目结束后如需删除，请按下文方式告诉我们。</li>
          <li>登录和提交的安全记录保存一小时。</li>
        </ul>

        <h2>您的权利</h2>
        <p>
          您可以查询、更正或删除您的个人信息，也可以撤回对咨询信息处理的同意。学员可以联系所在班级的培训师或培训管理员；
          提交过咨询的，可以回复我们联系您的邮件或电话，或再次填写
          <Link href="/enquiry">咨询表</Link>
          并在留言中注明。我们将在 15 个工作日内处理。
        </p>

        <h2>联系我们</h2>
        <p>
          {contact ? <>课程运营方：{contact}；也可以</> : <>请</>}
          通过<Link href="/enquiry">咨询表</Link>与我们联系，专人会尽快回复。
        </p>
        <p>本说明如有更新，会在本页公布新的内容和更新日期。</p>
      </div>
    </article>
  );
}
