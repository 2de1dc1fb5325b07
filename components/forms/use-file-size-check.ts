"use client";

import { useState, type FormEvent } from "react";

/**
 * Refuses an upload over the size limit before it is sent: a file over the server actions' body
 * limit (1 MB) would otherwise fail before the action's own field-level check runs, and a phone
 * on a slow network would spend the upload for nothing. The server still checks type and size.
 */
export function useFileSizeCheck(field: string, maxBytes: number) {
  const [tooLarge, setTooLarge] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get(field);
    const large = file instanceof File && file.size > maxBytes;
    setTooLarge(large);
    if (large) event.preventDefault();
  };
  return { tooLarge, onSubmit };
}
