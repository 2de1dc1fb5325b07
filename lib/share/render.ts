// One way to turn a React element into a PNG response (next/og: satori + resvg), with the shipped
// Chinese font. Used by the QR posters and the share cards.
import "server-only";
import { ImageResponse } from "next/og";
import type { ReactElement } from "react";
import { loadImageFonts } from "./fonts";

export type PngOptions = {
  width: number;
  height: number;
  /** Cache-Control: share cards are public and long-lived; posters are private. */
  cacheControl: string;
  /** Offered as the file name when saved (the page's link may name it too). */
  fileName?: string;
};

export async function renderPng(element: ReactElement, { width, height, cacheControl, fileName }: PngOptions) {
  const fonts = await loadImageFonts();
  const headers: Record<string, string> = { "Cache-Control": cacheControl };
  // inline: WeChat (and any browser) shows the picture, where a long press saves it.
  if (fileName) headers["Content-Disposition"] = `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return new ImageResponse(element, { width, height, fonts, headers });
}
