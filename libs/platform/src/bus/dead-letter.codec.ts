import { DEAD_LETTER_SUBJECT_PREFIX, type BusMessage, type DeadLetter } from './event-bus';

export const DEFAULT_DEAD_LETTER_LIMIT = 100;

/** Dead-letter metadata travels in headers so the payload stays byte-identical to the original. */
const HEADER = {
  reason: 'Ordex-Dlq-Reason',
  consumer: 'Ordex-Dlq-Consumer',
  deliveryCount: 'Ordex-Dlq-Delivery-Count',
  failedAt: 'Ordex-Dlq-Failed-At',
  originalSubject: 'Ordex-Dlq-Original-Subject',
  msgId: 'Ordex-Dlq-Msg-Id',
} as const;

const METADATA_HEADERS = new Set<string>(Object.values(HEADER));
const MAX_REASON_LENGTH = 1024;

export interface DeadLetterEnvelope {
  subject: string;
  /** Makes a repeated dead-lettering of the same delivery (e.g. after a crash) a duplicate. */
  msgId: string;
  headers: Record<string, string>;
}

export function deadLetterEnvelope(
  message: BusMessage,
  reason: string,
  consumer: string,
  failedAt: Date,
): DeadLetterEnvelope {
  return {
    subject: `${DEAD_LETTER_SUBJECT_PREFIX}.${message.subject}`,
    msgId: `dlq:${consumer}:${message.subject}:${message.seq}`,
    headers: {
      ...message.headers,
      // Header values cannot carry line breaks on the wire.
      [HEADER.reason]: reason.replace(/[\r\n]+/g, ' ').slice(0, MAX_REASON_LENGTH),
      [HEADER.consumer]: consumer,
      [HEADER.deliveryCount]: String(message.deliveryCount),
      [HEADER.failedAt]: failedAt.toISOString(),
      [HEADER.originalSubject]: message.subject,
      [HEADER.msgId]: message.msgId,
    },
  };
}

export function decodeDeadLetter(
  seq: number,
  data: Uint8Array,
  headers: Readonly<Record<string, string>>,
): DeadLetter {
  const original: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!METADATA_HEADERS.has(name)) original[name] = value;
  }
  return {
    seq,
    originalSubject: headers[HEADER.originalSubject] ?? '',
    msgId: headers[HEADER.msgId] ?? '',
    reason: headers[HEADER.reason] ?? '',
    consumer: headers[HEADER.consumer] ?? '',
    deliveryCount: Number(headers[HEADER.deliveryCount] ?? 0),
    failedAt: headers[HEADER.failedAt] ?? '',
    data,
    headers: original,
  };
}
