// The share cards (Open Graph images) of the public pages that people forward: the landing page, a
// lesson, a case, a certificate. Each says only what its page says to anyone. Drawn on request.
// The content's cards change only with a deployment: drawn once per process and kept (a few dozen
// PNGs of ~50 KB), and cached by browsers and crawlers for a day. A certificate's is drawn each
// time and cached for minutes.
import "server-only";
import { createElement } from "react";
import { getPublicCertificateFacts } from "@/lib/certificates/facts";
import { getCase, getContent, getLesson } from "@/lib/content";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatDateLong } from "@/lib/format/beijing-time";
import { t } from "@/lib/i18n/zh-cn";
import { type CardInput, CARD_SIZE, ShareCard } from "./card";
import { FONT_FAMILY } from "./fonts";
import { renderPng } from "./render";
import { splitCourseTitle } from "./palette";

const PUBLIC_DAY = "public, max-age=86400";

function renderCard(card: Omit<CardInput, "fontFamily">, cacheControl: string): Promise<Response> {
  return renderPng(createElement(ShareCard, { ...card, fontFamily: FONT_FAMILY }), { ...CARD_SIZE, cacheControl });
}

/** Keyed by the card's path; only cards of lessons and cases that exist are ever drawn. */
const contentCards = new Map<string, Promise<ArrayBuffer>>();

async function contentCard(key: string, card: Omit<CardInput, "fontFamily">): Promise<Response> {
  let png = contentCards.get(key);
  if (!png) {
    png = renderCard(card, PUBLIC_DAY).then((res) => res.arrayBuffer());
    contentCards.set(key, png);
    png.catch(() => contentCards.delete(key)); // drawn again next time rather than failing forever
  }
  return new Response(await png, { headers: { "Content-Type": "image/png", "Cache-Control": PUBLIC_DAY } });
}

export function renderSiteCard(): Promise<Response> {
  const { course } = getContent();
  const { name, line } = splitCourseTitle(course.title);
  return contentCard("site", {
    eyebrow: t.landing.heroEyebrow,
    title: name,
    text: line ?? course.subtitle,
    footer: t.site.tagline,
  });
}

/** null: no such lesson. */
export function renderLessonCard(moduleSlug: string, lessonSlug: string): Promise<Response> | null {
  const found = getLesson(moduleSlug, lessonSlug);
  if (!found) return null;
  return contentCard(`lesson:${found.module.slug}/${found.lesson.slug}`, {
    eyebrow: `模块 ${found.module.number} · ${found.module.title}`,
    title: found.lesson.title,
    text: found.lesson.summary,
    footer: t.site.fullName,
  });
}

/** null: no such case. */
export function renderCaseCard(slug: string): Promise<Response> | null {
  const c = getCase(slug);
  if (!c) return null;
  return contentCard(`case:${c.slug}`, {
    eyebrow: `银行案例 · ${c.bank}`,
    title: c.title,
    text: c.summary,
    footer: t.site.fullName,
  });
}

/**
 * null: no such certificate. The course and the date, never the person: a link forwarded beyond
 * the HR colleague it was meant for should not spread a name (the page itself shows it).
 */
export async function renderCertificateCard(db: PrismaClient, id: string): Promise<Response | null> {
  const cert = await getPublicCertificateFacts(db, id);
  if (!cert) return null;
  const { name } = splitCourseTitle(getContent().course.title);
  return renderCard(
    {
      // A revoked certificate's card says so: the link may have been forwarded before it was.
      eyebrow: cert.revoked ? "结业证书（已撤销）" : "结业证书",
      title: name,
      text: `${formatDateLong(cert.issuedAt)}颁发 · 证书编号 ${cert.number}`,
      footer: "打开链接即可核验证书",
    },
    "public, max-age=300",
  );
}
