// Issue 14: memory of the embedded default, since banks run it on small intranet VMs. Starts
// `npm start`'s entry (node scripts/start.mjs) on its own port and data folder, loads it (lesson
// pages, sign-ins, quiz rounds), then sums the resident memory (RSS) of the whole process tree.
// Target: <= 600 MB after the load.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../tests/support/postgres-server";
import { signIn } from "./quiz-http";
import { waitForHealth } from "./wait-for-health";

type Proc = { pid: number; ppid: number; rssKb: number; name: string };

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const status = readFileSync(`/proc/${d}/status`, "utf8");
      const field = (k: string) => status.match(new RegExp(`^${k}:\\s*(.*)$`, "m"))?.[1] ?? "";
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
      out.push({ pid: +d, ppid: +field("PPid"), rssKb: parseInt(field("VmRSS")) || 0, name: cmd.slice(0, 90) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function treeRss(root: number) {
  const all = processes();
  const tree: Proc[] = [];
  const walk = (pid: number) => {
    const p = all.find((x) => x.pid === pid);
    if (p) tree.push(p);
    for (const c of all.filter((x) => x.ppid === pid)) walk(c.pid);
  };
  walk(root);
  return { totalMb: Math.round(tree.reduce((n, p) => n + p.rssKb, 0) / 1024), tree };
}

export async function benchMemory() {
  const port = await freePort();
  const dir = process.env.BENCH_MEM_DIR ?? path.join(os.tmpdir(), `course-mem-${process.pid}`);
  const base = `http://127.0.0.1:${port}`;
  // A newcomer's environment: no database, no NODE_ENV of ours.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    EMBEDDED_DB_PORT: String(await freePort()),
    EMBEDDED_DB_DIR: path.join(dir, "pglite"),
  };
  for (const k of ["DATABASE_URL", "NODE_ENV"]) delete env[k];
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: "ignore" });
  try {
    await waitForHealth(base, 300_000);
    const idle = treeRss(child.pid!);
    // Load: 600 lesson and course pages, 25 at a time; six demo learners sign in and each does
    // five quiz rounds (start, three autosaves, submit).
    const pages = ["/", "/course", "/course/evolution", "/course/evolution/four-stages", "/cases", "/glossary"];
    let next = 0;
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        while (next < 600) await fetch(base + pages[next++ % pages.length]!).then((r) => r.arrayBuffer());
      }),
    );
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const { cookie } = await signIn(base, `learner${i + 1}@demo.local`, "127.0.0.1", "course-demo-2026");
        const post = (p: string, body: unknown) =>
          fetch(base + p, {
            method: "POST",
            headers: { cookie, "Content-Type": "application/json" },
            body: JSON.stringify(body),
          }).then((r) => r.json() as Promise<{ attemptId?: string }>);
        for (let k = 0; k < 5; k++) {
          const { attemptId } = await post("/api/quizzes/evolution/attempts", {});
          if (!attemptId) break;
          await post(`/api/attempts/${attemptId}/submit`, { answers: {} });
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 2_000));
    const loaded = treeRss(child.pid!);
    return { idle, loaded };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    if (!process.env.BENCH_MEM_DIR && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchMemory();
  console.log(r.idle.totalMb, r.loaded.totalMb);
  console.table(r.loaded.tree.map((p) => ({ pid: p.pid, mb: Math.round(p.rssKb / 1024), name: p.name })));
}
