import { registerEnumType } from '@nestjs/graphql';
import { ErpCommandType, HoldType } from '@ordex/contracts';
import { OrdersSchema } from '../orders-schema.scope';
import { ErpCommandState, HoldState } from './domain/hold-transition.util';

// HoldType and ErpCommandType are canonical enums (libs/contracts), published under their
// canonical names like those in libs/platform/src/graphql/canonical-enums.ts; registered here,
// in the orders scope, because orders is the only subgraph that exposes them so far.
registerEnumType(HoldType, {
  name: 'HoldType',
  registerIn: OrdersSchema,
  description: 'What a hold on an order is for (canonical).',
});
registerEnumType(ErpCommandType, {
  name: 'ErpCommandType',
  registerIn: OrdersSchema,
  description: 'A command ordex sends the ERP connector (canonical).',
});
registerEnumType(HoldState, {
  name: 'HoldState',
  registerIn: OrdersSchema,
  description:
    'Where a hold stands. ordex changes it only on a request (REQUESTED, RELEASE_REQUESTED) and on the ERP acknowledgement that settles it.',
  valuesMap: {
    REQUESTED: { description: 'Asked for; the ERP has not answered yet.' },
    ACTIVE: { description: 'The ERP accepted it: the hold is in force.' },
    REJECTED: { description: 'The ERP refused to place it (see rejectionReason).' },
    RELEASE_REQUESTED: {
      description: 'In force; its release was asked for and the ERP has not answered yet.',
    },
    RELEASED: { description: 'The ERP accepted its release.' },
  },
});
registerEnumType(ErpCommandState, {
  name: 'ErpCommandState',
  registerIn: OrdersSchema,
  description: "A command's status: PENDING until the ERP acknowledges it, then its outcome.",
});
