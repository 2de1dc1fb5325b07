"use client";

import { RouteErrorView, type RouteErrorProps } from "@/components/route-error";

export default function AdminError(props: RouteErrorProps) {
  return <RouteErrorView {...props} back={{ href: "/admin/users", label: "用户管理" }} />;
}
