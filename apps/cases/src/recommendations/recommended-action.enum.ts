import { CasesSchema } from '../cases-schema.scope';
import { registerEnumType } from '@nestjs/graphql';

/** What the platform can recommend or take on a case. The migration's CHECK lists the same values. */
export enum RecommendedAction {
  ALTERNATE_DC = 'ALTERNATE_DC',
  SPLIT_SHIPMENT = 'SPLIT_SHIPMENT',
  SUBSTITUTE = 'SUBSTITUTE',
  BACKORDER = 'BACKORDER',
  CORRECT_PRICE = 'CORRECT_PRICE',
  APPROVE_PRICE_OVERRIDE = 'APPROVE_PRICE_OVERRIDE',
  CREDIT_RELEASE = 'CREDIT_RELEASE',
  REQUIRE_PREPAYMENT = 'REQUIRE_PREPAYMENT',
  REBOOK_CARRIER = 'REBOOK_CARRIER',
  EXPEDITE = 'EXPEDITE',
  NOTIFY_CUSTOMER = 'NOTIFY_CUSTOMER',
  FIX_MASTER_DATA = 'FIX_MASTER_DATA',
  RESYNC_ERP = 'RESYNC_ERP',
  ESCALATE = 'ESCALATE',
}

registerEnumType(RecommendedAction, {
  registerIn: CasesSchema,
  name: 'RecommendedAction',
  valuesMap: {
    ALTERNATE_DC: { description: 'Source the line from another distribution centre.' },
    SPLIT_SHIPMENT: { description: 'Ship what is available now, with a promise date for the rest.' },
    SUBSTITUTE: { description: 'Ship an approved substitute SKU.' },
    BACKORDER: { description: 'Ship the line when stock arrives.' },
    CORRECT_PRICE: { description: 'Correct the price to the contract.' },
    APPROVE_PRICE_OVERRIDE: { description: 'Keep the price, with a pricing approval.' },
    CREDIT_RELEASE: { description: 'Release the credit hold, in full or in part.' },
    REQUIRE_PREPAYMENT: { description: 'Ship once the customer has paid.' },
    REBOOK_CARRIER: { description: 'Book another carrier or move the ship date.' },
    EXPEDITE: { description: 'Pay to speed up supply or transport.' },
    NOTIFY_CUSTOMER: { description: 'Inform the customer of a revised commitment.' },
    FIX_MASTER_DATA: { description: 'Correct the master record.' },
    RESYNC_ERP: { description: 'Resynchronise the order with the ERP.' },
    ESCALATE: { description: 'Escalate to the account owner.' },
  },
});
