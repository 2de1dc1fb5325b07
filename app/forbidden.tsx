import Link from "@/components/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="text-6xl font-bold text-brand-600">403</p>
      <h1 className="mt-4 text-2xl font-bold text-brand-900">没有访问权限</h1>
      <p className="mt-3 text-gray-600">这个页面只对特定角色开放。如需权限，请联系培训管理员。</p>
      <Link href="/" className="mt-8 inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white">
        回到首页
      </Link>
    </div>
  );
}
