// A lesson named by its module's and its own slug, as the lesson page's tick sends them (the
// 标记为已学完 action and GET /api/me/lesson-status). Slugs are short; anything else is refused
// before it reaches the database.
import { z } from "zod";

const slug = z.string().min(1).max(80);

export const lessonRefSchema = z.object({ module: slug, lesson: slug });
