import { ExceptionCategory } from '@ordex/contracts';

/**
 * Text triage: the free text on an order or an ERP hold note ("cust over limit, hold until payment
 * received") read as one exception category of the taxonomy, so the note reaches the team that
 * owns it. Implemented by the shipped model (`TextTriageModel`) and, when configured, by an
 * OpenAI-compatible LLM endpoint (`OpenAiCompatibleTriage`); callers see only this interface.
 */
export interface TextTriage {
  classify(text: string): Promise<TriageResult>;
}

export interface TriageResult {
  /**
   * The exception category, or null when the triage is not confident: its confidence is below the
   * threshold (`DEFAULT_TRIAGE_THRESHOLD` unless configured), the note is about none of the
   * categories, or the LLM's answer was unusable. A null note goes to a person, never to a team
   * by guesswork.
   */
  category: string | null;
  /**
   * The probability of the best category (the LLM's own figure for `llm`), from 0 to 1. A model
   * with the neutral class keeps its share out: a note about nothing scores low here.
   */
  confidence: number;
  /**
   * Per category, its probability; the LLM gives only the category it chose. Only the categories:
   * a model with the neutral class gives the rest of the probability (1 − their sum) to it.
   */
  scores: Record<string, number>;
  /** What decided: the shipped model, an LLM, or keyword rules. */
  source: 'model' | 'llm' | 'rules';
  /** The model artifact's version (`text-triage-…`) or the LLM's model name; null for rules. */
  modelVersion: string | null;
}

/** A labelled note: what training and evaluation read. */
export interface TriageExample {
  text: string;
  /** One of the categories, or `NEUTRAL_NOTE` for a note about none of them. */
  category: string;
}

/** The categories a note can be triaged into: the exception taxonomy, in its canonical order. */
export const TRIAGE_CATEGORIES: readonly string[] = Object.values(ExceptionCategory);

/**
 * The label of a note about none of the categories ("pls call before delivery", "PO ref 4711").
 * The model learns it as a class of its own, so such a note is answered null because the model
 * recognises it, not only because no category happens to reach the threshold. It is never an
 * answer: `classify` gives null instead.
 */
export const NEUTRAL_NOTE = 'NONE';

/** What the model is trained to tell apart: the categories, then the neutral class. */
export const TRIAGE_CLASSES: readonly string[] = [...TRIAGE_CATEGORIES, NEUTRAL_NOTE];

/**
 * Below this confidence the triage answers null. With seven categories an uninformative note scores
 * about 1/7 each; half the probability on one category means the note's words point at it.
 */
export const DEFAULT_TRIAGE_THRESHOLD = 0.5;
