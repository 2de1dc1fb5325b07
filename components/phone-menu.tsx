"use client";

import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export type PhoneMenuProps = { label: string; links: { href: string; label: string }[] };

// The phone menu is a <details> element, so it opens with a tap or Enter before (and without)
// hydration. Once hydrated it also behaves like a menu people expect: Escape closes it and puts
// focus back on the toggle, a tap anywhere else closes it, and so does following a link.
export function PhoneMenu({ label, links }: PhoneMenuProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const toggle = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();

  const close = () => {
    if (details.current) details.current.open = false; // fires "toggle", which updates `open`
  };

  // A navigation by any route (a link here, the back button) closes the menu.
  useEffect(close, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      close();
      toggle.current?.focus();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !details.current?.contains(e.target)) close();
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  return (
    <details ref={details} className="relative sm:hidden" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary
        ref={toggle}
        aria-expanded={open}
        aria-controls="phone-menu"
        className="cursor-pointer list-none rounded border border-gray-300 px-3 py-1 text-sm"
      >
        {label}
      </summary>
      <nav id="phone-menu" aria-label={label}>
        <ul className="absolute right-0 mt-2 w-40 rounded border border-gray-200 bg-white py-1 shadow-lg">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} onClick={close} className="block px-4 py-2 text-sm hover:bg-brand-50">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
