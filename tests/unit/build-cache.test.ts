// `npm start` skips `next build` when nothing the build depends on changed. The retention period
// is printed into prerendered pages (the consent notice), so it must count as a change.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildDigest } from "@/scripts/lib/build-cache";

const saved = process.env.ENQUIRY_RETENTION_DAYS;
afterEach(() => {
  if (saved === undefined) delete process.env.ENQUIRY_RETENTION_DAYS;
  else process.env.ENQUIRY_RETENTION_DAYS = saved;
});

describe("build digest", () => {
  it("is stable when nothing changed", () => {
    expect(buildDigest()).toBe(buildDigest());
  });

  it("changes with the retention period quoted in the prerendered consent notice, and comes back with it", () => {
    process.env.ENQUIRY_RETENTION_DAYS = "180";
    const before = buildDigest();
    process.env.ENQUIRY_RETENTION_DAYS = "90";
    const after = buildDigest();
    expect(after).not.toBe(before);
    process.env.ENQUIRY_RETENTION_DAYS = "180";
    expect(buildDigest()).toBe(before);
  });

  it("ignores settings read only at run time (a new mail server needs no rebuild)", () => {
    const smtp = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    const before = buildDigest();
    process.env.SMTP_URL = "smtp://127.0.0.1:2526";
    expect(buildDigest()).toBe(before);
    if (smtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = smtp;
  });
});

describe("build inputs", () => {
  it("include the files Next compiles from the top level (proxy.ts, instrumentation.ts)", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "build-digest-"));
    try {
      for (const f of ["proxy.ts", "instrumentation.ts", "next.config.js"])
        writeFileSync(path.join(root, f), "// v1\n");
      mkdirSync(path.join(root, "app"));
      writeFileSync(path.join(root, "app", "page.tsx"), "// v1\n");
      let last = buildDigest(root);
      for (const f of ["proxy.ts", "instrumentation.ts", "app/page.tsx"]) {
        writeFileSync(path.join(root, f), "// v2\n");
        const now = buildDigest(root);
        expect(now, `editing ${f} must trigger a rebuild`).not.toBe(last);
        last = now;
      }
      // Test files and notes are not build inputs.
      writeFileSync(path.join(root, "NOTES.md"), "x");
      expect(buildDigest(root)).toBe(last);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
