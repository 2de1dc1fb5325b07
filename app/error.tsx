"use client";

import { RouteErrorView, type RouteErrorProps } from "@/components/route-error";

export default function RootError(props: RouteErrorProps) {
  return <RouteErrorView {...props} />;
}
