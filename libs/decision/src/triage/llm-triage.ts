import { z } from 'zod';
import { loadShippedTriage } from './shipped-triage';
import { DEFAULT_TRIAGE_THRESHOLD, TRIAGE_CATEGORIES, type TextTriage, type TriageResult } from './triage';

export interface LlmTriageConfig {
  /** The endpoint's base URL, `/chat/completions` appended (e.g. `http://localhost:11434/v1`). */
  baseUrl: string;
  /** The model the endpoint serves, sent as `model`. */
  model: string;
  /** Sent as `Authorization: Bearer …` when set; local endpoints often need none. */
  apiKey?: string;
  /** How long one note may take, answer included, before the call is given up. */
  timeoutMs: number;
  /** Below this self-reported confidence the answer is null, as with the model. */
  threshold?: number;
}

/** The endpoint could not be asked: it failed (HTTP status, network) or did not answer in time. */
export class TriageUnavailableError extends Error {
  override readonly name = 'TriageUnavailableError';
}

const CATEGORY_MEANINGS: Record<string, string> = {
  STOCK_SHORTAGE:
    'a line cannot be filled from its DC (warehouse) by the requested date: out of stock, short, backorder',
  PRICE_MISMATCH: "a line's price deviates from the contract, or its margin is under the floor",
  CREDIT_HOLD: "the customer's credit limit is exceeded or invoices are overdue; finance holds the order",
  SHIPMENT_CONSTRAINT: 'no carrier capacity from the DC on the date, or the order misses the cut-off',
  ROUTING_RULE: 'the plan breaks a customer rule: ship-complete, allowed DC, delivery window, carrier',
  MASTER_DATA: 'unknown SKU or customer, no contract, missing ship-to, weight or unit of measure',
  ERP_SYNC: 'the ERP has not acknowledged a command, versions arrive out of order, or data is stale',
};

/**
 * The instruction the LLM gets: the taxonomy with one line per category and a JSON-only answer.
 * The note itself goes in the user message on its own, so nothing in it reads as instruction.
 */
export const LLM_TRIAGE_PROMPT = [
  'You classify a note written on an order at a wholesale distributor (staff shorthand, English and',
  'German mixed) into exactly one order-exception category:',
  ...TRIAGE_CATEGORIES.map((c) => `- ${c}: ${CATEGORY_MEANINGS[c]}`),
  'When the note mentions something as fine ("stock ok, but price wrong"), classify by what is wrong.',
  'Answer with one JSON object and nothing else:',
  '{"category": "<one of the categories above, or null if the note is about none of them>", "confidence": <0 to 1>}',
].join('\n');

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const answerSchema = z.object({
  category: z.string().nullable(),
  confidence: z.number().min(0).max(1),
});

/**
 * Text triage by an LLM behind an OpenAI-compatible chat-completions API (OpenAI, Azure OpenAI,
 * vLLM, Ollama, llama.cpp server…). The answer is checked, not trusted: anything but a JSON object
 * naming one taxonomy category with a confidence is a null category (source `llm`). An endpoint
 * that fails or is too slow raises {@link TriageUnavailableError} instead, so that an outage is
 * not mistaken for an unclear note.
 */
export class OpenAiCompatibleTriage implements TextTriage {
  private readonly threshold: number;

  constructor(private readonly config: LlmTriageConfig) {
    this.threshold = config.threshold ?? DEFAULT_TRIAGE_THRESHOLD;
  }

  async classify(text: string): Promise<TriageResult> {
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    let body: unknown;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.config.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: LLM_TRIAGE_PROMPT },
            { role: 'user', content: text },
          ],
        }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new TriageUnavailableError(`LLM triage at ${url} answered HTTP ${response.status}`);
      }
      body = parseJson(await response.text());
    } catch (error) {
      if (error instanceof TriageUnavailableError) throw error;
      // The timeout is a DOMException, which need not be an Error of this realm (it is not under jest).
      const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as {
        name?: unknown;
        message?: unknown;
      };
      if (name === 'TimeoutError')
        throw new TriageUnavailableError(
          `LLM triage at ${url} did not answer within ${this.config.timeoutMs} ms`,
        );
      throw new TriageUnavailableError(`LLM triage at ${url} failed: ${String(message ?? error)}`);
    }
    return this.read(body);
  }

  private read(body: unknown): TriageResult {
    const unusable: TriageResult = {
      category: null,
      confidence: 0,
      scores: {},
      source: 'llm',
      modelVersion: this.config.model,
    };
    const completion = completionSchema.safeParse(body);
    if (!completion.success) return unusable;
    const answer = answerSchema.safeParse(parseJson(completion.data.choices[0].message.content));
    if (!answer.success) return unusable;
    const { category, confidence } = answer.data;
    if (category === null || !TRIAGE_CATEGORIES.includes(category)) return unusable;
    return {
      category: confidence >= this.threshold ? category : null,
      confidence,
      scores: { [category]: confidence },
      source: 'llm',
      modelVersion: this.config.model,
    };
  }
}

/** Asks the first triage and, when it is unavailable, the second (whose answer says it decided). */
export class FallbackTriage implements TextTriage {
  constructor(
    private readonly first: TextTriage,
    private readonly fallback: TextTriage,
  ) {}

  async classify(text: string): Promise<TriageResult> {
    try {
      return await this.first.classify(text);
    } catch (error) {
      if (!(error instanceof TriageUnavailableError)) throw error;
      return this.fallback.classify(text);
    }
  }
}

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z
  .object({
    TRIAGE_LLM_URL: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/^https?:\/\/\S+$/i, 'must be an http:// or https:// URL')
        .optional(),
    ),
    TRIAGE_LLM_MODEL: z.preprocess(blankIsUnset, z.string().optional()),
    TRIAGE_LLM_API_KEY: z.preprocess(blankIsUnset, z.string().optional()),
    TRIAGE_LLM_TIMEOUT_MS: z.preprocess(blankIsUnset, z.coerce.number().int().positive().default(10_000)),
  })
  .refine((env) => !env.TRIAGE_LLM_URL || env.TRIAGE_LLM_MODEL, {
    message: 'TRIAGE_LLM_MODEL is required when TRIAGE_LLM_URL is set',
    path: ['TRIAGE_LLM_MODEL'],
  });

/**
 * The triage ordex runs with. Without `TRIAGE_LLM_URL` (the default) it is the shipped model.
 * With it, notes go to that OpenAI-compatible endpoint (`TRIAGE_LLM_MODEL`, required;
 * `TRIAGE_LLM_API_KEY`, optional; `TRIAGE_LLM_TIMEOUT_MS`, default 10,000), and to the shipped
 * model whenever the endpoint is unavailable. Throws on a malformed setting.
 */
export function triageFromEnv(env: Record<string, string | undefined>): TextTriage {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `text triage settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const settings = parsed.data;
  const shipped = loadShippedTriage();
  if (!settings.TRIAGE_LLM_URL || !settings.TRIAGE_LLM_MODEL) return shipped;
  return new FallbackTriage(
    new OpenAiCompatibleTriage({
      baseUrl: settings.TRIAGE_LLM_URL,
      model: settings.TRIAGE_LLM_MODEL,
      apiKey: settings.TRIAGE_LLM_API_KEY,
      timeoutMs: settings.TRIAGE_LLM_TIMEOUT_MS,
    }),
    shipped,
  );
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return null;
  }
}
