import { CommandOutcome, createEvent, Order, OrderStatus } from '@ordex/contracts';
import {
  caseActivityRecord,
  commandAcknowledgedRecord,
  ERP_ACTIVITIES,
  orderCancelledRecord,
  orderVersionRecord,
} from './event-log-record.util';

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
const at = { source: 'erp-simulator', id: 'evt-1', time: '2026-11-27T08:15:30.000Z' };

describe('event log records', () => {
  it('an order version touches the order, its customer and each line', () => {
    const event = createEvent('erp.order.created.v1', order.orderNumber, order, at);
    expect(orderVersionRecord(event, ERP_ACTIVITIES.created)).toEqual({
      eventId: 'evt-1',
      occurredAt: new Date('2026-11-27T08:15:30.000Z'),
      activity: 'Order received',
      actor: null,
      team: null,
      source: 'erp-simulator',
      attributes: { erpVersion: 2, lines: 2, status: 'RECEIVED' },
      objects: [
        { type: 'order', id: 'SO-1001', qualifier: 'order' },
        { type: 'customer', id: 'C-100', qualifier: 'ordered by' },
        { type: 'line', id: 'SO-1001/1', qualifier: 'order line' },
        { type: 'line', id: 'SO-1001/2', qualifier: 'order line' },
      ],
    });
  });

  it('a change that releases or ships the order is that step; a shipped order has its shipment', () => {
    const changed = (status: OrderStatus) =>
      orderVersionRecord(
        createEvent('erp.order.changed.v1', order.orderNumber, { ...order, status }, at),
        ERP_ACTIVITIES.changed,
      );
    expect(
      [OrderStatus.ON_HOLD, OrderStatus.RELEASED, OrderStatus.PARTIALLY_RELEASED, OrderStatus.SHIPPED].map(
        (status) => changed(status).activity,
      ),
    ).toEqual(['Order changed', 'Order released', 'Order partially released', 'Order shipped']);
    expect(changed(OrderStatus.SHIPPED).objects.slice(-1)).toEqual([
      { type: 'shipment', id: 'SO-1001/shipment', qualifier: 'shipment' },
    ]);
    expect(changed(OrderStatus.RELEASED).objects.map((o) => o.type)).not.toContain('shipment');
  });

  it('a cancellation happens when the ERP says it did, not when the event was sent', () => {
    const event = createEvent(
      'erp.order.cancelled.v1',
      'SO-1001',
      { orderNumber: 'SO-1001', erpVersion: 3, cancelledAt: '2026-11-27T09:00:00.000Z', reason: null },
      at,
    );
    const record = orderCancelledRecord(event);
    expect(record.occurredAt).toEqual(new Date('2026-11-27T09:00:00.000Z'));
    expect(record.activity).toBe('Order cancelled');
    expect(record.objects).toEqual([{ type: 'order', id: 'SO-1001', qualifier: 'order' }]);
  });

  it('an acknowledgement touches the command and, when named, the order', () => {
    const event = createEvent(
      'erp.command.acknowledged.v1',
      'cmd-1',
      {
        commandId: 'cmd-1',
        commandType: 'RELEASE_ORDER',
        orderNumber: null,
        outcome: CommandOutcome.REJECTED,
        reason: 'locked',
        acknowledgedAt: '2026-11-27T10:00:00.000Z',
        erpVersion: null,
      },
      at,
    );
    const record = commandAcknowledgedRecord(event);
    expect(record.objects).toEqual([{ type: 'command', id: 'cmd-1', qualifier: 'command' }]);
    expect(record.attributes).toEqual({
      commandType: 'RELEASE_ORDER',
      outcome: 'REJECTED',
      reason: 'locked',
    });
  });

  it("a case's step keeps its id, actor, team and objects, and reads numbers and booleans back", () => {
    const event = createEvent(
      'cases.activity.recorded.v1',
      'case-1:9',
      {
        activityId: 'case-1:9',
        caseId: 'case-1',
        orderNumber: 'SO-1001',
        customerId: 'C-100',
        activity: 'exception.detected',
        actor: 'ordex.detection',
        team: 'WAREHOUSE',
        occurredAt: '2026-11-27T08:16:00.000Z',
        objects: [
          { type: 'case', id: 'case-1', qualifier: 'case' },
          { type: 'exception', id: 'ex-1', qualifier: 'exception' },
        ],
        attributes: [
          { name: 'category', value: 'STOCK_SHORTAGE' },
          { name: 'lineNo', value: '2' },
          { name: 'withinLimit', value: 'false' },
          { name: 'sku', value: '0042' },
        ],
      },
      { source: 'ordex.cases', id: 'outbox-7' },
    );
    expect(caseActivityRecord(event)).toEqual({
      eventId: 'case-1:9',
      occurredAt: new Date('2026-11-27T08:16:00.000Z'),
      activity: 'exception.detected',
      actor: 'ordex.detection',
      team: 'WAREHOUSE',
      source: 'ordex.cases',
      attributes: { category: 'STOCK_SHORTAGE', lineNo: 2, withinLimit: false, sku: '0042' },
      objects: [
        { type: 'case', id: 'case-1', qualifier: 'case' },
        { type: 'exception', id: 'ex-1', qualifier: 'exception' },
      ],
    });
  });
});
