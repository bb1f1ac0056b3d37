/** A stream and the subjects it captures; both adapters are configured with the same list. */
export interface StreamSpec {
  name: string;
  subjects: string[];
}

export const DEFAULT_DUPLICATE_WINDOW_MS = 120_000;

export const DEFAULT_DEAD_LETTER_STREAM: StreamSpec = { name: 'DLQ', subjects: ['dlq.>'] };
