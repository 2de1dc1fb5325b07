// Benchmark of issue 2: a prerendered lesson page at 50 connections, in three setups:
//  (a) nginx serving the same HTML file from disk — the ceiling;
//  (b) the production setup from README: nginx (deploy/nginx.conf) in front of `next start`;
//  (c) `next start` alone.
// Target: (b) >= 80% of (a) in requests/s.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { allLessons } from "@/lib/content";
import { freePort } from "../../tests/support/postgres-server";

export type Measurement = { setup: string; requestsPerSec: number; p99Ms: number; errors: number; non2xx: number };

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

async function measure(setup: string, url: string): Promise<Measurement> {
  // A short warm-up first, so caches (nginx's, the OS page cache, V8's JIT) are in their steady state.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    setup,
    requestsPerSec: Math.round(r.requests.average),
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function waitForHttp(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function startNginx(conf: string, runDir: string) {
  const file = path.join(runDir, "nginx.conf");
  writeFileSync(file, conf);
  const res = spawnSync("/usr/sbin/nginx", ["-t", "-q", "-c", file, "-p", runDir], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`nginx config test failed:\n${res.stderr}`);
  const proc = spawn("/usr/sbin/nginx", ["-c", file, "-p", runDir, "-g", "daemon off;"], { stdio: "inherit" });
  return proc;
}

export async function benchLessonPage(appDir: string, databaseUrl: string): Promise<Measurement[]> {
  const ref = allLessons()[0];
  if (!ref) throw new Error("no lesson to benchmark");
  const route = `/course/${ref.module.slug}/${ref.lesson.slug}`;
  const html = path.join(appDir, ".next/server/app", `${route}.html`);
  const procs: ChildProcess[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-lesson-"));
  chmodSync(tmp, 0o755); // nginx's workers run as an unprivileged user and must read the files
  try {
    const [appPort, staticPort, prodPort] = await Promise.all([freePort(), freePort(), freePort()]);

    // (c) next start alone
    const app = spawn("node_modules/.bin/next", ["start", "--port", String(appPort), "--hostname", "127.0.0.1"], {
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl },
    });
    procs.push(app);
    await waitForHttp(`http://127.0.0.1:${appPort}${route}`);

    // (a) nginx serving the prerendered file itself, at the same path
    const root = path.join(tmp, "static-root");
    mkdirSync(path.dirname(path.join(root, route)), { recursive: true });
    copyFileSync(html, path.join(root, route));
    const staticRun = path.join(tmp, "static-run");
    mkdirSync(staticRun);
    procs.push(
      startNginx(
        `worker_processes auto; pid ${staticRun}/nginx.pid; error_log ${staticRun}/error.log warn;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000; default_type text/html;
  client_body_temp_path ${staticRun}/cb; proxy_temp_path ${staticRun}/p; fastcgi_temp_path ${staticRun}/f;
  uwsgi_temp_path ${staticRun}/u; scgi_temp_path ${staticRun}/s;
  server { listen 127.0.0.1:${staticPort}; root ${root}; } }`,
        staticRun,
      ),
    );

    // (b) the shipped production config, with only its placeholders filled in
    const prodRun = path.join(tmp, "prod-run");
    mkdirSync(prodRun);
    const conf = readFileSync("deploy/nginx.conf", "utf8")
      .replaceAll("${NGINX_PORT}", `127.0.0.1:${prodPort}`)
      .replaceAll("${APP_ORIGIN}", `127.0.0.1:${appPort}`)
      .replaceAll("${APP_DIR}", appDir)
      .replaceAll("${CACHE_DIR}", path.join(prodRun, "cache"))
      .replaceAll("${RUN_DIR}", prodRun);
    procs.push(startNginx(conf, prodRun));

    await waitForHttp(`http://127.0.0.1:${staticPort}${route}`);
    await waitForHttp(`http://127.0.0.1:${prodPort}${route}`);
    const cacheStatus = (await fetch(`http://127.0.0.1:${prodPort}${route}`)).headers.get("x-cache-status");
    console.log(`  (b) nginx cache status for the lesson page after one request: ${cacheStatus}`);
    // The cache key replaces Vary (deploy/nginx.conf): a client-side navigation (RSC header) must
    // still get the RSC payload, and a page load the HTML, from the same URL.
    const rsc = await fetch(`http://127.0.0.1:${prodPort}${route}`, { headers: { RSC: "1" } });
    const page = await fetch(`http://127.0.0.1:${prodPort}${route}`);
    const apart =
      rsc.headers.get("content-type")?.includes("text/x-component") &&
      page.headers.get("content-type")?.includes("text/html");
    if (!apart) throw new Error("nginx served the wrong variant: RSC and HTML responses are mixed up in the cache");
    console.log("  (b) RSC and HTML responses of the same URL are cached apart: yes");

    const results: Measurement[] = [];
    results.push(await measure("(a) nginx, static HTML file", `http://127.0.0.1:${staticPort}${route}`));
    results.push(await measure("(b) nginx + next start (production)", `http://127.0.0.1:${prodPort}${route}`));
    results.push(await measure("(c) next start alone", `http://127.0.0.1:${appPort}${route}`));
    console.log(`  page: ${route}, ${CONNECTIONS} connections, ${DURATION_S} s each after a 2 s warm-up`);
    return results;
  } finally {
    for (const p of procs) p.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(tmp, { recursive: true, force: true });
  }
}
