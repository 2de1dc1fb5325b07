import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserAccessForm } from "@/components/admin/user-access-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { UnlockSignInForm } from "@/components/admin/unlock-sign-in-form";
import { lockedSignInKeys } from "@/lib/auth/rate-limit";
import { signInKeyOf } from "@/lib/auth/identifier";
import { unlockSignInAction, updateUserAccessAction } from "../actions";
import { Pager } from "@/components/pager";
import { formatDate } from "@/lib/format/beijing-time";

export const metadata: Metadata = { title: "用户管理" };

const PAGE_SIZE = 50;

type UsersPageProps = { searchParams: Promise<{ q?: string; page?: string }> };

export default async function UsersPage({ searchParams }: UsersPageProps) {
  const admin = await requireRole(["ADMIN"], "/admin/users");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.trim().slice(0, 100) : "";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(sp.page ?? "1"), 10) || 1));
  const where = q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q } }] } : {};
  const db = getDb();
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, disabled: true, createdAt: true },
    }),
    db.user.count({ where }),
  ]);
  const locked = await lockedSignInKeys(db, users.map(signInKeyOf));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <AdminNav current="/admin/users" />
      <h1 className="mt-6 text-3xl font-bold text-brand-900">用户管理</h1>
      <form className="mt-6 flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">
          搜索用户
        </label>
        <input
          id="q"
          name="q"
          defaultValue={q}
          placeholder="姓名或邮箱"
          className="w-64 rounded border border-gray-300 px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-white">
          搜索
        </button>
      </form>
      <p className="mt-3 text-sm text-gray-500">共 {total} 人</p>
      <div tabIndex={0} className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <thead className="border-b border-gray-200 text-gray-500">
            <tr>
              <th className="py-2 pr-4">姓名</th>
              <th className="py-2 pr-4">邮箱</th>
              <th className="py-2 pr-4">状态</th>
              <th className="py-2 pr-4">注册时间</th>
              <th className="py-2 pr-4">角色与权限</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-gray-100">
                <td className="py-2 pr-4 font-medium">{u.name}</td>
                <td className="py-2 pr-4">{u.email}</td>
                <td className="py-2 pr-4">
                  {u.disabled ? <span className="text-red-700">已停用</span> : "正常"}
                  {locked.has(signInKeyOf(u)) ? (
                    <UnlockSignInForm action={unlockSignInAction} userId={u.id} userName={u.name} />
                  ) : null}
                </td>
                <td className="py-2 pr-4">{formatDate(u.createdAt)}</td>
                <td className="py-2 pr-4">
                  <UserAccessForm
                    action={updateUserAccessAction}
                    userId={u.id}
                    role={u.role}
                    disabled={u.disabled}
                    self={u.id === admin.id}
                    userName={u.name}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} href={(p) => `/admin/users?q=${encodeURIComponent(q)}&page=${p}`} />
    </div>
  );
}
