// GET /og/lessons/:module/:lesson — a lesson's share card (PNG, 1200 × 630). Public, like the lesson.
import { renderLessonCard } from "@/lib/share/cards";

export async function GET(_req: Request, { params }: { params: Promise<{ module: string; lesson: string }> }) {
  const { module, lesson } = await params;
  return (await renderLessonCard(module, lesson)) ?? Response.json({ error: "没有这一课" }, { status: 404 });
}
