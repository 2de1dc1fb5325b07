/** Resolves once GET /api/health answers 200; throws after `limitMs`. */
export async function waitForHealth(base: string, limitMs: number) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not answer /api/health within ${limitMs / 1000} s`);
}
