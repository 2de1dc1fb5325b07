// Tests that need a system package (Chromium, PostgreSQL) call requireSystemTool. scripts/test.mjs
// installs the packages (apt-get) when it can; when it cannot, it sets SKIP_<TOOL>_REASON and
// the tests report themselves skipped with that reason — except under CI, where a missing tool
// is a failure (nothing may be skipped there).
import { existsSync } from "node:fs";
import { findPostgresBin } from "./postgres-server";

export type SystemTool = "postgres" | "chromium";

export function systemToolMissing(tool: SystemTool): string | null {
  const present = tool === "postgres" ? findPostgresBin() !== null : existsSync("/usr/bin/chromium");
  if (present) return null;
  return process.env[`SKIP_${tool.toUpperCase()}_REASON`] ?? `${tool} is not installed`;
}

/** The reason to skip tests needing `tool`, or null to run them. Under CI it is always null:
 * there the tests run and fail if the tool is missing. */
export function skipReason(tool: SystemTool): string | null {
  return process.env.CI ? null : systemToolMissing(tool);
}

/** Throws when the tool is missing, so the suite fails loudly rather than passing silently. */
export function requireSystemTool(tool: SystemTool) {
  const missing = systemToolMissing(tool);
  if (missing) throw new Error(`${missing} — install it (see README, "Tests") or run npm test as root on Debian`);
}
