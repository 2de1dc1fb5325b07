/** Says which URL filters were malformed (a hand-edited link) and that defaults were used instead. */
export function FilterProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <p role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      {problems.join("；")}，已按默认条件显示。
    </p>
  );
}
