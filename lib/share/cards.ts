// The share cards (Open Graph images) of the public pages that people forward: the landing page, a
// lesson, a case. Each says only what its page says to anyone. Drawn on request and cached by
// browsers and crawlers for a day: the content changes only with a deployment.
import "server-only";
import { createElement } from "react";
import { getCase, getContent, getLesson } from "@/lib/content";
import { t } from "@/lib/i18n/zh-cn";
import { type CardInput, CARD_SIZE, ShareCard } from "./card";
import { FONT_FAMILY } from "./fonts";
import { renderPng } from "./render";
import { splitCourseTitle } from "./palette";

const PUBLIC_DAY = "public, max-age=86400";

export function renderCard(card: Omit<CardInput, "fontFamily">, cacheControl = PUBLIC_DAY): Promise<Response> {
  return renderPng(createElement(ShareCard, { ...card, fontFamily: FONT_FAMILY }), { ...CARD_SIZE, cacheControl });
}

export function renderSiteCard(): Promise<Response> {
  const { course } = getContent();
  const { name, line } = splitCourseTitle(course.title);
  return renderCard({
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
  return renderCard({
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
  return renderCard({ eyebrow: `银行案例 · ${c.bank}`, title: c.title, text: c.summary, footer: t.site.fullName });
}
