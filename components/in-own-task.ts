// Runs `fn` in a task of its own, after the current one, and returns a cancel function.
// Why: the effects of every component on a page run together in one task right after
// hydration. Each fetch() costs the main thread a few milliseconds on a slow phone, so the
// header's, the form's and the lesson's requests started in that one task made a single long
// task (a tap in it waits). Started one task each, they leave gaps for input between them.
export function inOwnTask(fn: () => void): () => void {
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}
