// npm run bench — installs what the benchmarks need (dependencies; nginx from Debian), then runs
// scripts/bench/run.ts, which prints every figure beside its baseline measured in the same run.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureDependencies } from "./start.mjs";

ensureDependencies();
if (!existsSync("/usr/sbin/nginx")) {
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx"], { stdio: "inherit", env });
  }
  if (!existsSync("/usr/sbin/nginx")) {
    console.error("nginx is needed for the benchmark: apt-get install nginx");
    process.exit(1);
  }
}
// react-server: the benchmarks import lib/ modules marked "server-only" (as the app's server does).
const child = spawn(
  path.resolve("node_modules/.bin/tsx"),
  ["--conditions=react-server", "scripts/bench/run.ts", ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
child.on("exit", (code) => process.exit(code ?? 1));
