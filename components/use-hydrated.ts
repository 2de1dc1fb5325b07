"use client";
// False in the server's HTML and while hydrating, true once the page is interactive. Forms whose
// submit needs JavaScript disable it until then: a click before hydration would otherwise submit
// natively (a GET, putting the password in the address bar and the server's logs).
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
