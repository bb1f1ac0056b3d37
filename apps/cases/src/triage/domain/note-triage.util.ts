import { EXCEPTION_CATEGORY_OWNER, ExceptionCategory, type Team } from '@ordex/contracts';
import type { TriageResult } from '@ordex/decision';
import { firstChars } from '@ordex/platform';

/** How much of an order's notes ordex keeps and triages (the orders mirror keeps as much). */
export const NOTE_TEXT_LIMIT = 2_000;

/** How much of the notes an audit entry repeats: enough to recognise the note, not a copy of it. */
export const AUDIT_TEXT_LIMIT = 200;

/**
 * How a case's order notes were last triaged, as the case keeps it (`cases.case.note_triage`). A
 * type rather than an interface so that it is a JSON object to the audit trail as it is.
 */
export type NoteTriage = {
  /** The notes as triaged: at most {@link NOTE_TEXT_LIMIT} characters. */
  text: string;
  /** Null when the triage was not confident: a person reads the note. */
  category: ExceptionCategory | null;
  confidence: number;
  source: TriageResult['source'];
  modelVersion: string | null;
  /** The team that owns the category, as it owns the category's exceptions; null without a category. */
  team: Team | null;
  /** Whether the category is one of the case's open exceptions' categories, as of the last evaluation. */
  matchesDetected: boolean;
  /** ISO 8601. */
  triagedAt: string;
};

/** An order's notes as detection read them and, when they were asked for, their triage. */
export interface NotesReading {
  /** The notes as they are triaged (see {@link notesToTriage}); null when the order has none. */
  text: string | null;
  /** The triage of `text`; null when it was not needed (unchanged notes) or failed this time. */
  result: TriageResult | null;
}

/** What the case's triage has to do about the order's notes. */
export type NoteTriageStep = 'unchanged' | 'triage' | 'clear';

const CATEGORIES = new Set<string>(Object.values(ExceptionCategory));

/**
 * The notes as ordex triages and compares them: the first {@link NOTE_TEXT_LIMIT} characters,
 * without NUL characters (which PostgreSQL's jsonb refuses); null for none or only blanks.
 */
export function notesToTriage(notes: string | null | undefined): string | null {
  if (!notes?.trim()) return null;
  return firstChars(notes.replaceAll('\u0000', ''), NOTE_TEXT_LIMIT);
}

/** Whether notes (as {@link notesToTriage} gives them) need a triage, the last one cleared, or neither. */
export function noteTriageStep(previous: NoteTriage | null, text: string | null): NoteTriageStep {
  if (text === null) return previous ? 'clear' : 'unchanged';
  return previous?.text === text ? 'unchanged' : 'triage';
}

/**
 * The case's record of a triage: an answer outside the taxonomy counts as no category, and the
 * category's owner is the team its exceptions are routed to by default (EXCEPTION_CATEGORY_OWNER).
 */
export function toNoteTriage(
  text: string,
  result: TriageResult,
  openCategories: readonly string[],
  triagedAt: Date,
): NoteTriage {
  const category =
    result.category !== null && CATEGORIES.has(result.category)
      ? (result.category as ExceptionCategory)
      : null;
  return {
    text,
    category,
    confidence: result.confidence,
    source: result.source,
    modelVersion: result.modelVersion,
    team: category === null ? null : EXCEPTION_CATEGORY_OWNER[category],
    matchesDetected: category !== null && openCategories.includes(category),
    triagedAt: triagedAt.toISOString(),
  };
}

/** The `note.triaged` audit payload: the triage with only the first {@link AUDIT_TEXT_LIMIT} characters of the text. */
export function noteTriageAudit(triage: NoteTriage): NoteTriage {
  return { ...triage, text: firstChars(triage.text, AUDIT_TEXT_LIMIT) };
}
