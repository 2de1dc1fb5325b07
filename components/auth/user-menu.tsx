"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { inOwnTask } from "@/components/in-own-task";

type Me = { name: string; role: "LEARNER" | "TRAINER" | "CLIENT_ADMIN" | "ADMIN" } | null;

/** The invite code of the page being shown (/join/CODE, or ?invite=CODE on sign-up and sign-in),
 * so 登录 and 注册 in the header keep it instead of dropping the visitor out of the class. */
function currentInviteQuery(pathname: string): string {
  const code = pathname.match(/^\/join\/([^/]+)$/)?.[1] ?? new URLSearchParams(window.location.search).get("invite");
  return code ? `?invite=${encodeURIComponent(code.slice(0, 32))}` : "";
}

/** The signed-in part of the header. Loaded after the page, so the page itself stays the same
 * for every visitor (and cacheable); re-checked on navigation so sign-in/out shows at once. */
export function UserMenu() {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [invite, setInvite] = useState("");
  const pathname = usePathname();
  useEffect(() => {
    let live = true;
    const cancel = inOwnTask(() =>
      fetch("/api/me", { cache: "no-store" })
        .then((r) => (r.ok ? r.json() : { user: null }))
        .then((d: { user: Me }) => {
          if (!live) return;
          // Read from the address here, not with useSearchParams: the header is on static pages too.
          setInvite(currentInviteQuery(pathname));
          setMe(d.user);
        })
        .catch(() => {
          if (!live) return;
          setInvite(currentInviteQuery(pathname));
          setMe(null);
        }),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [pathname]);

  if (me === undefined) return <span className="inline-block w-16" aria-hidden />;
  if (me === null) {
    return (
      <span className="flex items-center gap-3 text-sm">
        <Link href={`/login${invite}`} className="text-gray-700 hover:text-brand-600">
          登录
        </Link>
        <Link href={`/signup${invite}`} className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
          注册
        </Link>
      </span>
    );
  }
  return (
    <span className="flex items-center gap-3 text-sm">
      {(me.role === "TRAINER" || me.role === "ADMIN") && (
        <Link href="/trainer" className="text-gray-700 hover:text-brand-600">
          培训师
        </Link>
      )}
      {me.role === "CLIENT_ADMIN" && (
        <Link href="/trainer" className="text-gray-700 hover:text-brand-600">
          培训数据
        </Link>
      )}
      {me.role === "ADMIN" && (
        <Link href="/admin/users" className="text-gray-700 hover:text-brand-600">
          管理
        </Link>
      )}
      <Link href="/me" className="max-w-[8rem] truncate font-medium text-brand-700 hover:underline">
        {me.name}
      </Link>
    </span>
  );
}
