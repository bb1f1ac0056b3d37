import { decodeDeadLetter, deadLetterEnvelope } from './dead-letter.codec';
import type { BusMessage } from './event-bus';

describe('dead-letter codec', () => {
  const message: BusMessage = {
    subject: 'orders.created',
    msgId: 'evt-1',
    data: new TextEncoder().encode('{"id":1}'),
    headers: { 'order-no': 'SO-1' },
    deliveryCount: 3,
    seq: 42,
  };

  it('round-trips the metadata and keeps the original headers apart', () => {
    const failedAt = new Date('2025-01-02T03:04:05.000Z');
    const envelope = deadLetterEnvelope(message, 'boom\r\nstack', 'billing', failedAt);
    expect(envelope.subject).toBe('dlq.orders.created');
    expect(envelope.msgId).toBe('dlq:billing:orders.created:42');
    expect(decodeDeadLetter(7, message.data, envelope.headers)).toEqual({
      seq: 7,
      originalSubject: 'orders.created',
      msgId: 'evt-1',
      reason: 'boom stack',
      consumer: 'billing',
      deliveryCount: 3,
      failedAt: failedAt.toISOString(),
      data: message.data,
      headers: { 'order-no': 'SO-1' },
    });
  });
});
