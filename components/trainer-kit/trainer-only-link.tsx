"use client";

import Link from "@/components/link";
import { useEffect, useState } from "react";
import { inOwnTask } from "@/components/in-own-task";

export type TrainerOnlyLinkProps = { href: string; label: string };

/** A link shown only to trainers and admins, on pages that are static and the same for everyone
 * (the case pages): the role is asked of /api/me after load. Only the link is hidden — the page it
 * points to checks the role itself. */
export function TrainerOnlyLink({ href, label }: TrainerOnlyLinkProps) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    const cancel = inOwnTask(() =>
      fetch("/api/me", { cache: "no-store" })
        .then((r) => (r.ok ? r.json() : { user: null }))
        .then((d: { user: { role: string } | null }) => {
          if (live) setShow(d.user?.role === "TRAINER" || d.user?.role === "ADMIN");
        })
        .catch(() => {}),
    );
    return () => {
      live = false;
      cancel();
    };
  }, []);
  if (!show) return null;
  return (
    <p className="no-print mt-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
      <Link href={href} className="font-medium text-amber-900 hover:underline">
        {label} →
      </Link>
    </p>
  );
}
