"use client";

import NextLink from "next/link";
// The context next/link itself reads: null outside the app router (a component rendered on its own,
// as in tests/unit/route-error.test.ts), where useRouter() would throw.
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { useContext, type ComponentProps } from "react";

type LinkProps = ComponentProps<typeof NextLink>;

/**
 * next/link that prefetches on intent (a hover, focus or touch) rather than as soon as the link
 * scrolls into view. Learners are on phones and slow networks: prefetching every visible link
 * spends their bandwidth and main thread in the page's first seconds on pages they may never open
 * (a lesson's header, breadcrumb and sign-in links alone made five requests, each parsed). A touch
 * comes about 100 ms before the tap's click, a hover longer, so the next page still starts early.
 * `prefetch={true}` keeps Next's viewport prefetch where a page wants it. Decision 0033.
 */
export default function Link({ prefetch, href, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const router = useContext(AppRouterContext);
  const target = typeof href === "string" && href.startsWith("/") && !href.startsWith("//") ? href : null;
  const warm = () => {
    if (router && target && prefetch !== false) router.prefetch(target);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={prefetch === true}
      onMouseEnter={(e) => {
        warm();
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        warm();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        warm();
        onTouchStart?.(e);
      }}
    />
  );
}
