import { registerEnumType } from '@nestjs/graphql';
import { LogisticsSchema } from '../logistics-schema.scope';
import type { ShipmentBlocker as ShipmentBlockerValue } from './domain/shipment-options.util';

/** Why a ship date does not work (the values of SHIPMENT_BLOCKERS in the domain). */
export const ShipmentBlocker: { [K in ShipmentBlockerValue]: K } = {
  CAPACITY_FULL: 'CAPACITY_FULL',
  CUTOFF_PASSED: 'CUTOFF_PASSED',
  NO_COLLECTION: 'NO_COLLECTION',
  IN_THE_PAST: 'IN_THE_PAST',
};

registerEnumType(ShipmentBlocker, {
  registerIn: LogisticsSchema,
  name: 'ShipmentBlocker',
  description: 'Why a carrier cannot take an order from a DC on a date.',
  valuesMap: {
    CAPACITY_FULL: {
      description: "The carrier's remaining capacity that day is zero or below the order's weight.",
    },
    CUTOFF_PASSED: { description: "It is that day at the DC and later than the carrier's cut-off minute." },
    NO_COLLECTION: {
      description: 'The carrier does not collect that day (weekend without a capacity event, or capacity 0).',
    },
    IN_THE_PAST: { description: "The date is before today's date at the DC." },
  },
});
