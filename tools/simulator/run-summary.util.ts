import type { ExceptionCategory } from '@ordex/contracts';
import { EXCEPTION_CATEGORIES } from './fallout-shares.util';
import type { SendResult } from './event-sink';
import type { SimulatedEvent } from './stream-options';

export interface RunSummary {
  events: number;
  orders: number;
  /** Order versions after the first (changes, shipments, late first versions). */
  versions: number;
  cancellations: number;
  duplicates: number;
  resends: number;
  /** Credit, capacity and routing-rule events. */
  masterDataEvents: number;
  fallout: Record<ExceptionCategory, number>;
  accepted: number;
  alreadyKnown: number;
  publishErrors: number;
  lastError?: string;
}

export function emptySummary(): RunSummary {
  return {
    events: 0,
    orders: 0,
    versions: 0,
    cancellations: 0,
    duplicates: 0,
    resends: 0,
    masterDataEvents: 0,
    fallout: Object.fromEntries(EXCEPTION_CATEGORIES.map((c) => [c, 0])) as Record<ExceptionCategory, number>,
    accepted: 0,
    alreadyKnown: 0,
    publishErrors: 0,
  };
}

/** Counts one sent event and what the intake said about it. */
export function tally(summary: RunSummary, sent: SimulatedEvent, result: SendResult): void {
  summary.events++;
  if (sent.label) {
    summary.orders++;
    for (const category of sent.label.categories) summary.fallout[category]++;
  }
  if (sent.kind === 'change' || sent.kind === 'ship' || sent.kind === 'late-first-version')
    summary.versions++;
  else if (sent.kind === 'cancel') summary.cancellations++;
  else if (sent.kind === 'duplicate') summary.duplicates++;
  else if (sent.kind === 'resend') summary.resends++;
  else if (sent.kind !== 'order') summary.masterDataEvents++;
  if (result === 'accepted') summary.accepted++;
  else if (result === 'duplicate') summary.alreadyKnown++;
  else {
    summary.publishErrors++;
    summary.lastError = result.error;
  }
}

/** The end-of-run report, one fact per line. */
export function formatSummary(summary: RunSummary, seconds: number): string {
  const pct = (n: number) => (summary.orders > 0 ? ((100 * n) / summary.orders).toFixed(1) : '0.0');
  const lines = [
    `orders            ${summary.orders}`,
    `versions          ${summary.versions} (changes, shipments, late first versions)`,
    `cancellations     ${summary.cancellations}`,
    `duplicates        ${summary.duplicates} (same event id again)`,
    `re-sends          ${summary.resends} (an older version after a newer one)`,
    `credit/capacity/routing events ${summary.masterDataEvents}`,
    'fallout (orders carrying each category):',
    ...EXCEPTION_CATEGORIES.map(
      (c) => `  ${c.padEnd(20)} ${String(summary.fallout[c]).padStart(7)}  ${pct(summary.fallout[c])} %`,
    ),
    `events            ${summary.events} in ${seconds.toFixed(1)} s = ${(summary.events / Math.max(seconds, 0.001)).toFixed(1)} events/s`,
    `intake            ${summary.accepted} accepted, ${summary.alreadyKnown} already known`,
    `publish errors    ${summary.publishErrors}${summary.lastError ? ` (last: ${summary.lastError})` : ''}`,
  ];
  return lines.join('\n');
}
