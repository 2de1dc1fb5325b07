// Issue 19: Lighthouse (mobile preset, performance only) on the landing page, a lesson and the
// enquiry page, beside a bare Next.js page built in the same run with this repo's Next.js, so the
// figures compare like with like on a busy machine. Target: each page's score >= the bare page's,
// LCP <= 1.5 s. Drives Debian's Chromium; nothing is downloaded.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { allLessons } from "@/lib/content";
import { freePort } from "../../tests/support/postgres-server";
import { waitForHealth } from "./wait-for-health";

export type LighthouseRow = {
  page: string;
  path: string;
  /** Median of the runs' scores. */
  score: number;
  /** Every run's score, in order. */
  scores: number[];
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  /** Bytes of script the page loads (transferred). */
  scriptKb: number;
};

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The longest path both directories live under: Turbopack compiles nothing outside its root,
 * and the bare app's node_modules is a link to this repo's. */
function commonRoot(a: string, b: string) {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/** A Next.js app of one page (a heading and a paragraph), built with this repo's node_modules. */
function buildBareApp(repo: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "bench-bare-next-")));
  mkdirSync(path.join(dir, "app"));
  symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare-next", private: true, type: "module" }));
  writeFileSync(
    path.join(dir, "next.config.mjs"),
    `export default { turbopack: { root: ${JSON.stringify(commonRoot(dir, realpathSync(repo)))} } };\n`,
  );
  writeFileSync(
    path.join(dir, "app/layout.jsx"),
    `export const metadata = { title: "Bare Next.js page" };
export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  );
  writeFileSync(
    path.join(dir, "app/page.jsx"),
    `export default function Page() {
  return <main><h1>A bare Next.js page</h1><p>One heading and one paragraph, built and served by next start.</p></main>;
}
`,
  );
  const res = spawnSync(process.execPath, [path.join(repo, "node_modules/next/dist/bin/next"), "build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error(`building the bare Next.js app failed:\n${res.stdout}\n${res.stderr}`);
  return dir;
}

async function waitForPage(url: string, limitMs = 60_000) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${limitMs / 1000} s`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Lighthouse's default config is the mobile preset (Moto G Power, simulated slow 4G, 4× CPU). */
async function audit(port: number, url: string) {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items = (
    lhr.audits["resource-summary"]?.details as { items?: { resourceType: string; transferSize: number }[] }
  )?.items;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: num("largest-contentful-paint"),
    fcpMs: num("first-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    scriptKb: (items?.find((i) => i.resourceType === "script")?.transferSize ?? 0) / 1024,
  };
}

type Audit = Awaited<ReturnType<typeof audit>>;

/** Each figure is the median over the runs, taken separately (the score too), so one noisy run
 * moves nothing; the spread of scores is kept to show how noisy the machine was. */
function summarise(page: string, route: string, runs: Audit[]): LighthouseRow {
  const med = (pick: (a: Audit) => number) => median(runs.map(pick));
  return {
    page,
    path: route,
    score: med((r) => r.score),
    scores: runs.map((r) => r.score),
    lcpMs: Math.round(med((r) => r.lcpMs)),
    fcpMs: Math.round(med((r) => r.fcpMs)),
    tbtMs: Math.round(med((r) => r.tbtMs)),
    cls: Number(med((r) => r.cls).toFixed(3)),
    scriptKb: Math.round(med((r) => r.scriptKb)),
  };
}

/** Audits the pages RUNS times each, in turn (bare, landing, lesson, enquiry, bare, …) after one
 * warm-up load each, so that a busy spell on the machine falls on every page alike instead of on
 * whichever page happened to be measured then. */
async function auditInTurn(port: number, pages: { page: string; base: string; route: string }[]) {
  for (const p of pages) await fetch(p.base + p.route);
  const runs: Audit[][] = pages.map(() => []);
  for (let i = 0; i < RUNS; i++)
    for (const [k, p] of pages.entries()) runs[k]!.push(await audit(port, p.base + p.route));
  return pages.map((p, k) => summarise(p.page, p.route, runs[k]!));
}

export async function benchLighthouse(repo = process.cwd()): Promise<LighthouseRow[]> {
  const procs: ChildProcess[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-lighthouse-"));
  let bare: string | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    bare = buildBareApp(repo);
    const [barePort, appPort, dbPort] = await Promise.all([freePort(), freePort(), freePort()]);
    procs.push(
      spawn(process.execPath, [path.join(repo, "node_modules/next/dist/bin/next"), "start", "-p", String(barePort)], {
        cwd: bare,
        stdio: "ignore",
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1" },
      }),
    );
    // The app as `npm start` runs it (its own embedded database and data folder).
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      EMBEDDED_DB_PORT: String(dbPort),
      EMBEDDED_DB_DIR: path.join(dataDir, "pglite"),
    };
    for (const k of ["DATABASE_URL", "NODE_ENV"]) delete env[k];
    procs.push(spawn(process.execPath, ["scripts/start.mjs"], { cwd: repo, env, stdio: "ignore" }));
    const bareBase = `http://127.0.0.1:${barePort}`;
    const appBase = `http://127.0.0.1:${appPort}`;
    await waitForPage(bareBase + "/");
    await waitForHealth(appBase, 300_000);

    chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
    const ref = allLessons()[0];
    if (!ref) throw new Error("no lesson to audit");
    return await auditInTurn(chrome.port, [
      { page: "bare Next.js page (baseline)", base: bareBase, route: "/" },
      { page: "landing page", base: appBase, route: "/" },
      { page: "lesson", base: appBase, route: `/course/${ref.module.slug}/${ref.lesson.slug}` },
      { page: "enquiry page", base: appBase, route: "/enquiry" },
    ]);
  } finally {
    chrome?.kill();
    for (const p of procs) p.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    if (bare) rmSync(bare, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.table((await benchLighthouse()).map((r) => ({ ...r, scores: r.scores.join(" ") })));
