// Skips work a previous start already did: the Prisma client is regenerated only when
// schema.prisma changed, the site rebuilt only when a file it is built from changed.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CSP_HASHES_FILE, writeCspHashes } from "./csp-hashes";
import { hintChunks } from "./compile-hints";
import { rewritePrerenderedPages } from "./scripts-after-first-paint";

// Everything `next build` compiles or reads. proxy.ts and instrumentation.ts sit at the top level
// and are easy to forget: leaving them out served a stale proxy after an edit.
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "content",
  "public",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "prisma/schema.prisma",
];

// Settings that end up inside prerendered pages: the consent notice and /privacy quote the
// retention period, the footer shows ENQUIRY_CONTACT, and share cards carry absolute links built
// from SITE_URL (or NEXTAUTH_URL). Changing one must rebuild them, not leave the old value.
const BUILD_ENV = ["ENQUIRY_RETENTION_DAYS", "ENQUIRY_CONTACT", "SITE_URL", "NEXTAUTH_URL"];

function hashPaths(paths: string[], envNames: string[] = [], root = "."): string {
  const hash = createHash("sha256");
  for (const name of envNames) hash.update(`env:${name}=${process.env[name] ?? ""}`).update("\0");
  const walk = (p: string) => {
    const abs = path.join(root, p);
    if (!existsSync(abs)) return;
    const st = statSync(abs);
    if (st.isDirectory()) {
      if (p === path.join("lib", "generated")) return; // derived from prisma/schema.prisma
      for (const name of readdirSync(abs).sort()) walk(path.join(p, name));
    } else {
      hash.update(p).update("\0").update(readFileSync(abs)).update("\0");
    }
  };
  paths.forEach(walk);
  return hash.digest("hex");
}

function cached(stampFile: string, inputs: string[], mustExist: string, work: () => void, envNames: string[] = []) {
  const digest = hashPaths(inputs, envNames);
  if (existsSync(mustExist) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === digest) return false;
  work();
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, digest);
  return true;
}

export function ensurePrismaClient() {
  cached("lib/generated/prisma/.schema-hash", ["prisma/schema.prisma"], "lib/generated/prisma/client.ts", () => {
    console.log("生成 Prisma Client (prisma generate)…");
    // prisma generate does not run the schema engine, but the CLI looks for its binary and would
    // try to download it; pointing it at any executable keeps it offline.
    execFileSync("node_modules/.bin/prisma", ["generate"], {
      stdio: "inherit",
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  });
}

/** What a build depends on: its source files and the settings baked into prerendered pages. */
export const buildDigest = (root = ".") => hashPaths(BUILD_INPUTS, BUILD_ENV, root);

const SOURCE_STAMP = ".next/.source-hash";

/**
 * `npm run build` and every `npm start` that needs a build: `next build`, then the prerendered
 * pages' scripts moved after the first paint (./scripts-after-first-paint.ts) and V8's compile hint
 * added to the chunks they load at start (./compile-hints.ts), then their CSP
 * hashes (lib/security/csp.ts) — a build without them serves static pages whose inline scripts
 * the browser refuses — then the stamp that lets the next start skip the build.
 */
export async function buildSite() {
  const digest = buildDigest();
  console.log("构建网站 (next build)…");
  execFileSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const { chunks } = rewritePrerenderedPages();
  hintChunks(chunks);
  const pages = await writeCspHashes();
  writeFileSync(SOURCE_STAMP, digest);
  return pages;
}

export async function ensureBuild() {
  const upToDate =
    existsSync(CSP_HASHES_FILE) && existsSync(SOURCE_STAMP) && readFileSync(SOURCE_STAMP, "utf8") === buildDigest();
  if (upToDate) console.log("沿用上次构建 (build is up to date)");
  else await buildSite();
}
