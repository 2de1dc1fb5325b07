// The survey templates (from the files), read once per process.
import { loadSurveys, type LoadedSurvey } from "./load";

let cached: LoadedSurvey[] | undefined;

export function getSurveys(): LoadedSurvey[] {
  cached ??= loadSurveys();
  return cached;
}

export function getSurvey(id: string): LoadedSurvey | undefined {
  return getSurveys().find((s) => s.id === id);
}
