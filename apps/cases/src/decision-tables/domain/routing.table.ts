import { jdmTable, text } from '@ordex/decision';

export const ROUTING_TABLE = 'routing';

/**
 * Which team's queue an exception's task goes to. The taxonomy's owners (DOMAIN.md), except a
 * shortage with no stock anywhere to move, which is procurement's to chase with the supplier.
 * Inputs: `category`, `stockElsewhere` (a STOCK_SHORTAGE line that another DC or inbound stock
 * could fill), `segment` and `tier` of the customer. Version 1, seeded by a migration.
 */
export const ROUTING_TABLE_V1 = jdmTable({
  name: 'routing',
  hitPolicy: 'first',
  inputs: [
    { id: 'category', name: 'Exception category', field: 'category' },
    { id: 'stockElsewhere', name: 'Stock elsewhere', field: 'stockElsewhere' },
    { id: 'segment', name: 'Customer segment', field: 'segment' },
  ],
  outputs: [{ id: 'team', name: 'Team', field: 'team' }],
  rules: [
    {
      _id: 'shortage-no-stock',
      category: text('STOCK_SHORTAGE'),
      stockElsewhere: 'false',
      segment: '',
      team: text('PROCUREMENT'),
    },
    {
      _id: 'shortage',
      category: text('STOCK_SHORTAGE'),
      stockElsewhere: '',
      segment: '',
      team: text('WAREHOUSE'),
    },
    {
      _id: 'price',
      category: text('PRICE_MISMATCH'),
      stockElsewhere: '',
      segment: '',
      team: text('FINANCE_PRICING'),
    },
    {
      _id: 'credit',
      category: text('CREDIT_HOLD'),
      stockElsewhere: '',
      segment: '',
      team: text('FINANCE_CREDIT'),
    },
    {
      _id: 'shipment',
      category: text('SHIPMENT_CONSTRAINT'),
      stockElsewhere: '',
      segment: '',
      team: text('TRANSPORTATION'),
    },
    {
      _id: 'routing-rule',
      category: text('ROUTING_RULE'),
      stockElsewhere: '',
      segment: '',
      team: text('CUSTOMER_SERVICE'),
    },
    {
      _id: 'master-data',
      category: text('MASTER_DATA'),
      stockElsewhere: '',
      segment: '',
      team: text('DATA_STEWARDSHIP'),
    },
    { _id: 'erp-sync', category: text('ERP_SYNC'), stockElsewhere: '', segment: '', team: text('IT') },
  ],
});
