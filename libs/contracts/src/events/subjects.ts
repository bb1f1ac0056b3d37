/**
 * Event subjects are `<domain>.<entity>.<event>.v<N>`; inbound ERP subjects start with `erp.`.
 * Each domain publishes on its own JetStream stream.
 */
export const STREAMS = [
  { name: 'ERP', subjects: ['erp.>'] },
  { name: 'ORDERS', subjects: ['orders.>'] },
  { name: 'INVENTORY', subjects: ['inventory.>'] },
  { name: 'PRICING', subjects: ['pricing.>'] },
  { name: 'LOGISTICS', subjects: ['logistics.>'] },
  { name: 'CASES', subjects: ['cases.>'] },
  { name: 'ANALYTICS', subjects: ['analytics.>'] },
] as const;

const SUBJECT_PATTERN = /^[a-z]+\.[a-z-]+\.[a-z-]+\.v[1-9][0-9]*$/;

export function isValidSubject(subject: string): boolean {
  return SUBJECT_PATTERN.test(subject);
}
