// npm run data:purge (or enquiries:purge) [-- --dry-run] — the retention job. Erases the personal
// data of enquiries older than ENQUIRY_RETENTION_DAYS (default 180); the rows stay, anonymous, so
// counts by status and month still add up. Deletes rate-limit events older than the longest limit
// window (an hour). Erases the personal data of learners who have not learned for longer than
// their organisation's retention days (lib/organisations/retention.ts, decision 0020). Run it
// daily (cron or a scheduled job); running it twice changes nothing.
import { parseArgs } from "node:util";
import { purgeRateLimitEvents } from "@/lib/auth/rate-limit";
import { purgeExpiredEnquiries } from "@/lib/enquiries/enquiries";
import { createPrismaClient } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { countInactiveLearners, purgeInactiveLearners } from "@/lib/organisations/retention";
import { withDatabase } from "./lib/with-database";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });

await withDatabase(async (url) => {
  const db = createPrismaClient(url, 2);
  try {
    const days = env.ENQUIRY_RETENTION_DAYS;
    const cutoff = new Date(Date.now() - days * 86_400_000);
    if (values["dry-run"]) {
      const n = await db.enquiry.count({ where: { createdAt: { lt: cutoff }, erasedAt: null } });
      const events = await db.rateLimitEvent.count({ where: { createdAt: { lt: new Date(Date.now() - 3_600_000) } } });
      console.log(`将删除 ${events} 条过期的限流记录。`);
      console.log(`将删除 ${await countInactiveLearners(db)} 名超过机构保留天数未学习的学员的个人信息。`);
      console.log(
        `保留期 ${days} 天:将删除 ${n} 条咨询的个人信息(${cutoff.toISOString()} 之前提交)。未做任何修改 (dry run)。`,
      );
      return;
    }
    const r = await purgeExpiredEnquiries(db, days);
    console.log(`已删除 ${await purgeRateLimitEvents(db)} 条过期的限流记录。`);
    console.log(`已删除 ${await purgeInactiveLearners(db)} 名超过机构保留天数未学习的学员的个人信息。`);
    console.log(`保留期 ${days} 天:已删除 ${r.erased} 条咨询的个人信息(${r.cutoff.toISOString()} 之前提交)。`);
  } finally {
    await db.$disconnect();
  }
});
