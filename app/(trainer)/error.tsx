"use client";

import { RouteErrorView, type RouteErrorProps } from "@/components/route-error";

export default function TrainerError(props: RouteErrorProps) {
  return <RouteErrorView {...props} back={{ href: "/trainer", label: "培训师后台" }} />;
}
