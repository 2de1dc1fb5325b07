"use client";

import { useEffect, useRef, type ReactNode } from "react";

export type ScoreHeadingProps = { id: string; describedBy?: string; children: ReactNode };

/** The result's heading. Right after a submit the address ends in #score (the quiz form puts it
 * there): the heading takes the focus, so a screen reader announces the score, and comes into
 * view, as the submit button sat at the bottom of a long form. A result opened from the history
 * leaves the focus where it is. */
export function ScoreHeading({ id, describedBy, children }: ScoreHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (window.location.hash !== `#${id}`) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: "center" }); // clear of the sticky site header
  }, [id]);
  return (
    <h2 id={id} ref={heading} tabIndex={-1} aria-describedby={describedBy} className="focus:outline-none">
      {children}
    </h2>
  );
}
