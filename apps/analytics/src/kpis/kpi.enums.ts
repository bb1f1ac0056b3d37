import { registerEnumType } from '@nestjs/graphql';
import { AnalyticsSchema } from '../analytics-schema.scope';
import { Kpi, KPI_CATALOG, KpiDimension, TimeGrain } from './domain/kpi-catalog';

registerEnumType(Kpi, {
  registerIn: AnalyticsSchema,
  name: 'Kpi',
  description: 'A measure of the operation, kept as events arrive.',
  valuesMap: Object.fromEntries(
    Object.values(Kpi).map((kpi) => [
      kpi,
      { description: `${KPI_CATALOG[kpi].description} (${KPI_CATALOG[kpi].kind}, ${KPI_CATALOG[kpi].unit})` },
    ]),
  ),
});

registerEnumType(KpiDimension, {
  registerIn: AnalyticsSchema,
  name: 'KpiDimension',
  description:
    "A slice of a KPI. Members nobody knows (a customer without a segment) are left out of a slice, and a set-valued one (an order's product families) counts in each member.",
  valuesMap: {
    ALL: { description: "The whole operation (member '')." },
    CATEGORY: { description: "The exception's category." },
    TEAM: { description: 'The team the exception was routed to.' },
    SEGMENT: { description: "The customer's segment." },
    TIER: { description: "The customer's tier." },
    REGION: { description: "The ship-to's region." },
    FAMILY: {
      description: "The exception line's product family, or every family on the order for an order-wide one.",
    },
    DC: { description: 'The distribution centre the exception names.' },
    CARRIER: { description: 'The carrier the exception names.' },
  },
});

registerEnumType(TimeGrain, {
  registerIn: AnalyticsSchema,
  name: 'TimeGrain',
  description: "A KPI bucket's length, in the distributor's zone; weeks start on Monday.",
});
