// The order the demo seeds walk a cohort's members in when they draw who did what (took the
// pre-test, came to class, filed a plan): roster order, by the numbered demo emails. Not by id:
// ids are random, so the same draws would fall on different learners on every machine, and one
// seed in a few left a demo cohort's knowledge gain empty (tests/integration/demo-data.test.ts).
export const ROSTER_ORDER = { user: { email: "asc" } } as const;
