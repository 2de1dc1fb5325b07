// The trainer kit as the trainer pages see it: read once per process. server-only, so no client
// component (and no learner page by mistake through one) can bundle the teaching notes.
import "server-only";
import { getContent } from "@/lib/content";
import { loadTrainerKit, type TrainerKit } from "@/lib/content/trainer-kit";

export type { CaseNote, KitPage, ModuleNote, TrainerKit } from "@/lib/content/trainer-kit";

let cached: TrainerKit | undefined;

export function getTrainerKit(): TrainerKit {
  cached ??= loadTrainerKit(getContent());
  return cached;
}

export function getKitDocument(slug: string) {
  return getTrainerKit().documents.find((d) => d.slug === slug);
}

export function getRolePlay(slug: string) {
  return getTrainerKit().rolePlays.find((d) => d.slug === slug);
}

export function getModuleNote(moduleSlug: string) {
  return getTrainerKit().moduleNotes.find((n) => n.module === moduleSlug);
}

export function getCaseNote(caseSlug: string) {
  return getTrainerKit().caseNotes.find((n) => n.case === caseSlug);
}
