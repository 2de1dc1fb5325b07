// `npm start` skips `next build` when nothing the build depends on changed. The retention period
// is printed into prerendered pages (the consent notice), so it must count as a change.
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
