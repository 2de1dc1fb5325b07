// Reads the survey templates: content/surveys/<id>.yaml, validated like the quiz files. Problems
// name the file and the field, and a file's id must be its name.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { surveySchema, type Survey } from "./schema";

export type LoadedSurvey = Survey & { file: string };

export class SurveyFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`问卷文件有误 (survey files are invalid):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadSurveys(root = path.join(process.cwd(), "content")): LoadedSurvey[] {
  const dir = path.join(root, "surveys");
  const problems: string[] = [];
  const surveys: LoadedSurvey[] = [];
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  for (const name of files) {
    const rel = path.relative(path.dirname(root), path.join(dir, name));
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path.join(dir, name), "utf8"));
    } catch (err) {
      problems.push(`${rel}: not valid YAML: ${(err as Error).message.split("\n")[0]}`);
      continue;
    }
    const parsed = surveySchema.safeParse(data);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${rel}: ${i.path.join(".") || "(file)"}: ${i.message}`);
      continue;
    }
    const expected = name.replace(/\.ya?ml$/, "");
    if (parsed.data.id !== expected) problems.push(`${rel}: id: is "${parsed.data.id}" but must be "${expected}"`);
    surveys.push({ ...parsed.data, file: rel });
  }
  if (problems.length) throw new SurveyFileError(problems);
  return surveys;
}
