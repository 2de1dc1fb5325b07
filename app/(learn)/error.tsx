"use client";

import { RouteErrorView, type RouteErrorProps } from "@/components/route-error";

export default function LearnError(props: RouteErrorProps) {
  return <RouteErrorView {...props} back={{ href: "/course", label: "课程目录" }} />;
}
