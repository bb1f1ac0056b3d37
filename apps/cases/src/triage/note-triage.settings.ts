import { loadConfig } from '@ordex/platform';
import { z } from 'zod';

/** How the cases service triages order notes, beside the TRIAGE_* settings `triageFromEnv` reads. */
export interface NoteTriageOptions {
  /** Notes triaged at once in one detection pass: an LLM answers one note in seconds, the shipped model in microseconds. */
  concurrency: number;
}

const schema = z.object({
  NOTE_TRIAGE_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
});

/** The settings from the environment; a bad value is a one-line configuration error naming it. */
export function noteTriageSettingsFrom(env: NodeJS.ProcessEnv): NoteTriageOptions {
  const s = loadConfig('cases', schema, env);
  return { concurrency: s.NOTE_TRIAGE_CONCURRENCY };
}

export const NOTE_TRIAGE_SETTINGS = Symbol('ordex.cases.note-triage-settings');

/** The text triage the service runs with: `triageFromEnv(process.env)`. */
export const TEXT_TRIAGE = Symbol('ordex.cases.text-triage');
