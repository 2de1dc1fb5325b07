import { describe, expect, it } from "vitest";
import { formatDate, formatDateLong, formatDateTime } from "@/lib/format/beijing-time";

describe("Beijing-time formatter", () => {
  // 2026-03-04 17:30 UTC is already 5 March in Beijing: a UTC formatter would show the 4th.
  const lateUtc = new Date("2026-03-04T17:30:00Z");

  it("writes date and time in Asia/Shanghai whatever the server's zone", () => {
    expect(formatDateTime(lateUtc)).toBe("2026-03-05 01:30");
    expect(formatDate(lateUtc)).toBe("2026-03-05");
    expect(formatDateLong(lateUtc)).toBe("2026年3月5日");
  });

  it("shows a dash for no date", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDate(undefined)).toBe("—");
  });
});
