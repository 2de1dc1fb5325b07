// The benchmark suite (npm run bench). Each benchmark prints its figures beside a baseline taken
// in the same run on the same machine, so the ratios mean something even on a busy machine.
import { startEmbeddedDb } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { ensureBuild, ensurePrismaClient } from "../lib/build-cache";
import { benchLessonPage, type Measurement } from "./lesson-page";
import { benchDashboard, printDashboard } from "./dashboard";
import { benchQuizSubmit } from "./quiz-submit";
import { benchQuizHttp } from "./quiz-http";
import { benchMemory } from "./memory";
import { benchRosterImport } from "./roster-import";
import { benchLighthouse } from "./lighthouse";

function table(rows: Measurement[]) {
  const base = rows[0]!;
  console.log("\n| setup | requests/s | p99 (ms) | vs (a) | errors | non-2xx |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const ratio = ((r.requestsPerSec / base.requestsPerSec) * 100).toFixed(0);
    console.log(`| ${r.setup} | ${r.requestsPerSec} | ${r.p99Ms} | ${ratio}% | ${r.errors} | ${r.non2xx} |`);
  }
}

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
ensurePrismaClient();
await ensureBuild();
const db = await startEmbeddedDb({ port: 0 });
try {
  await applyMigrations(db.url);
  console.log("\n## Lesson page (issue 2): target (b) >= 80% of (a)");
  const rows = await benchLessonPage(process.cwd(), db.url);
  table(rows);
  const b = rows[1]!;
  const a = rows[0]!;
  const ok = b.requestsPerSec >= 0.8 * a.requestsPerSec;
  console.log(
    `\n(b)/(a) = ${((b.requestsPerSec / a.requestsPerSec) * 100).toFixed(1)}% — ${ok ? "meets" : "MISSES"} the 80% target`,
  );
} finally {
  await db.stop();
}

console.log(
  "\n## Front-end performance (issue 19): Lighthouse, mobile preset; target score >= the bare Next.js page's, LCP <= 1.5 s",
);
const lh = await benchLighthouse();
console.log("\n(medians over the runs, pages audited in turn; every run's score in brackets)");
console.log("\n| page | score | LCP (ms) | FCP (ms) | TBT (ms) | CLS | script (KB) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of lh)
  console.log(
    `| ${r.page} \`${r.path}\` | ${r.score} (${r.scores.join(", ")}) | ${r.lcpMs} | ${r.fcpMs} | ${r.tbtMs} | ${r.cls} | ${r.scriptKb} |`,
  );
const [bare, ...pages] = lh as [(typeof lh)[0], ...typeof lh];
const slow = pages.filter((r) => r.score < bare.score || r.lcpMs > 1500).map((r) => r.page);
console.log(`\n${slow.length ? `MISSES the target on: ${slow.join(", ")}` : "meets the target on every page"}`);

console.log(
  "\n## Quiz submissions at 50 concurrent learners on PostgreSQL (issue 5): target p99 <= 100 ms, >= 25% of raw",
);
const quiz = await benchQuizSubmit();
console.log("\n| setup | per second | p50 (ms) | p99 (ms) | count |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const r of quiz) console.log(`| ${r.setup} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.count} |`);
const [app, rawRow] = quiz as [(typeof quiz)[0], (typeof quiz)[0]];
const ratio = (app.perSecond / rawRow.perSecond) * 100;
console.log(
  `\nsubmissions/raw = ${ratio.toFixed(1)}% (target >= 25%), p99 ${app.p99} ms (target <= 100 ms) — ${ratio >= 25 && app.p99 <= 100 ? "meets" : "MISSES"} the target`,
);

console.log(
  "\n## Trainer pages at bank scale on PostgreSQL: 10,000 learners in one organisation, 5 cohorts (issues 6, 18): target p95 <= 10× baseline",
);
printDashboard(await benchDashboard());

console.log("\n## Roster import, 2,000 rows on the embedded database (issue 16): target a few seconds");
const roster = await benchRosterImport();
console.log(
  `\nvalidate ${roster.validateMs} ms, import (2,000 new accounts) ${roster.createMs} ms, re-import (2,000 updates) ${roster.reimportMs} ms`,
);

console.log(
  "\n## Quiz submissions through HTTP: 50 signed-in learners, next start on PostgreSQL (issue 14): target p99 <= 100 ms, >= 25% of raw",
);
const http = await benchQuizHttp();
console.log("\n| setup | per second | p50 (ms) | p99 (ms) | count |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const r of http.rows) console.log(`| ${r.setup} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.count} |`);
console.log(
  `| (autosave POST /api/attempts/:id/answers, same run) | — | ${http.autosave.p50} | ${http.autosave.p99} | ${http.autosave.count} |`,
);
console.log(
  `| (ceiling: GET /api/health, same server, ${50} connections, requests/s) | ${http.ceiling.requestsPerSecond} | — | ${http.ceiling.p99} | — |`,
);
const [viaHttp, rawHttp] = http.rows as [(typeof http.rows)[0], (typeof http.rows)[0]];
const httpRatio = (viaHttp.perSecond / rawHttp.perSecond) * 100;
console.log(
  `\nrounds/raw = ${httpRatio.toFixed(1)}% (target >= 25%), submit p99 ${viaHttp.p99} ms (target <= 100 ms) — ${httpRatio >= 25 && viaHttp.p99 <= 100 ? "meets" : "MISSES"} the target`,
);
// A round is five requests; even handlers that cost nothing could not pass a fifth of the ceiling.
const ceilingRatio = (http.ceiling.requestsPerSecond / 5 / rawHttp.perSecond) * 100;
console.log(
  `ceiling: ${http.ceiling.requestsPerSecond} requests/s on the simplest handler = at most ${Math.round(http.ceiling.requestsPerSecond / 5)} rounds/s = ${ceilingRatio.toFixed(1)}% of raw`,
);

console.log("\n## Memory of the embedded default (npm start's process tree, issue 14): target <= 600 MB after load");
const mem = await benchMemory();
console.log(
  `\nafter start: ${mem.idle.totalMb} MB; after the load: ${mem.loaded.totalMb} MB (sum of RSS over the tree)`,
);
console.log("\n| process | RSS (MB) |");
console.log("| --- | ---: |");
for (const p of mem.loaded.tree) console.log(`| ${p.name.replace(/\|/g, "/")} | ${Math.round(p.rssKb / 1024)} |`);
console.log(`\n${mem.loaded.totalMb <= 600 ? "meets" : "MISSES"} the 600 MB target`);
