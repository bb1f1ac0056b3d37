import { createEvent, Order, OrderStatus } from '@ordex/contracts';
import { orderReceivedRecord } from './event-log-record.util';

const order: Order = {
  orderNumber: 'SO-1001',
  erpVersion: 2,
  customerId: 'C-100',
  shipToId: 'ST-100-1',
  orderedOn: '2026-11-27',
  requestedDate: '2026-12-03',
  currency: 'EUR',
  status: OrderStatus.RECEIVED,
  lines: [
    { lineNo: 1, sku: 'SKU-1', quantity: 40, unitPrice: 12.5 },
    { lineNo: 2, sku: 'SKU-2', quantity: 10, unitPrice: 91 },
  ],
};

describe('orderReceivedRecord', () => {
  it("logs the order's 'Order received' activity at the event's time and source", () => {
    const event = createEvent('erp.order.created.v1', order.orderNumber, order, {
      source: 'erp-simulator',
      id: 'evt-1',
      time: '2026-11-27T08:15:30.000Z',
    });
    expect(orderReceivedRecord(event)).toEqual({
      eventId: 'evt-1',
      occurredAt: new Date('2026-11-27T08:15:30.000Z'),
      activity: 'Order received',
      objectType: 'order',
      objectId: 'SO-1001',
      source: 'erp-simulator',
      attributes: { erpVersion: 2, lines: 2 },
    });
  });
});
