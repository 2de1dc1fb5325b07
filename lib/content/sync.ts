// Tells the database which version of content/ it is serving. Quizzes (synced from their files
// beside the lessons) will hang off this; for now it records the hash and counts, and syncing the
// same content twice changes nothing.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Content } from "./load";

export async function syncContent(db: PrismaClient, content: Content) {
  const lessons = content.modules.reduce((n, m) => n + m.lessons.length, 0);
  const existing = await db.contentRelease.findUnique({ where: { hash: content.hash }, select: { id: true } });
  if (existing) return { changed: false as const };
  await db.contentRelease.create({
    data: { hash: content.hash, modules: content.modules.length, lessons, cases: content.cases.length },
    select: { id: true },
  });
  return { changed: true as const };
}
