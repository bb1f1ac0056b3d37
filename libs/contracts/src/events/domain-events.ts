import type { z } from 'zod';
import type {
  CaseActivity,
  CaseUpdated,
  ErpCommand,
  ExecutionCommand,
  Order,
  OrderCancelled,
} from '../generated/canonical.generated';
import {
  CaseActivitySchema,
  CaseUpdatedSchema,
  ErpCommandSchema,
  ExecutionCommandSchema,
  OrderCancelledSchema,
  OrderSchema,
} from '../generated/canonical.zod.generated';

/** Events ordex's own services publish (through their outboxes), with payload schema and key. */
export interface DomainEventPayloads {
  /** The first version of an ERP order is mirrored. */
  'orders.order.received.v1': Order;
  /** A newer ERP version of a mirrored order replaced the one held. */
  'orders.order.changed.v1': Order;
  /** The ERP cancelled a mirrored order. */
  'orders.order.cancelled.v1': OrderCancelled;
  /** A command to the ERP connector (hold, release…); answered by erp.command.acknowledged.v1. */
  'orders.command.requested.v1': ErpCommand;
  /** A case changed; partner systems follow these through subscriptions and webhooks. */
  'cases.case.updated.v1': CaseUpdated;
  /** A decision on a case for the ERP/WMS/TMS connector; answered by erp.command.acknowledged.v1. */
  'cases.command.requested.v1': ExecutionCommand;
  /** One step of a case's work, with the objects it touched (the process-mining feed). */
  'cases.activity.recorded.v1': CaseActivity;
}

export type DomainEventType = keyof DomainEventPayloads;

export const DOMAIN_EVENTS: {
  [K in DomainEventType]: {
    schema: () => z.ZodType<DomainEventPayloads[K]>;
    key: (p: DomainEventPayloads[K]) => string;
  };
} = {
  'orders.order.received.v1': { schema: OrderSchema, key: (p) => p.orderNumber },
  'orders.order.changed.v1': { schema: OrderSchema, key: (p) => p.orderNumber },
  'orders.order.cancelled.v1': { schema: OrderCancelledSchema, key: (p) => p.orderNumber },
  'orders.command.requested.v1': { schema: ErpCommandSchema, key: (p) => p.orderNumber },
  'cases.case.updated.v1': { schema: CaseUpdatedSchema, key: (p) => p.caseId },
  'cases.command.requested.v1': { schema: ExecutionCommandSchema, key: (p) => p.orderNumber },
  'cases.activity.recorded.v1': { schema: CaseActivitySchema, key: (p) => p.caseId },
};
