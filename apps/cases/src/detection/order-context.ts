/**
 * What detection reads about an order, through the federated graph (the gateway): the order
 * mirror (orders), stock by the requested date (inventory), price and credit checks (pricing),
 * routing rules and shipment options (logistics). cases never reads another service's tables;
 * it asks the graph, a batch of orders per request.
 */
export const ORDER_CONTEXT_DOCUMENT = `query DetectionContext($orderNumbers: [ID!]!, $first: Int!, $asOf: String!) {
  orders(orderNumbers: $orderNumbers, first: $first) {
    orderNumber erpVersion status customerId shipToId requestedDate orderValue currency notes
    shipTo { id region }
    customer {
      id name segment tier
      routingRules {
        shipComplete allowedDcs preferredDc allowedCarriers excludedCarriers
      }
    }
    creditCheck {
      hasAccount creditLimit exposure headroom withinLimit overLimitBy overdue overdueDays overdueAmount
    }
    shipmentOptions(asOf: $asOf) {
      dcCode carrierCode shipDate onRequestedDate delayDays deliveryDate cost preferredDc
      requestedDateBlockers deliveryWindowMet
    }
    erpCommands { commandId commandType status requestedAt }
    lines {
      lineNo sku quantity unitPrice
      availability {
        skuKnown
        byDc { dcCode available availableByRequestedDate earliestFillDate }
      }
      priceCheck {
        skuKnown hasContract contractId contractPrice deviationPct tolerancePct withinTolerance
        marginPct marginFloorPct aboveMarginFloor lastContractEndedOn
      }
    }
  }
  distributionCenters { code region }
}`;

/** Inventory's answer for short lines: each SKU's cost and its approved substitutes with stock per DC. */
export const PRODUCTS_DOCUMENT = `query RecommendationProducts($skus: [ID!]!, $first: Int!) {
  products(skus: $skus, first: $first) {
    sku unitCost
    substitutes: substituteProducts { sku unitCost listPrice stock { dcCode available } }
  }
}`;

export type ShipmentBlocker = 'CAPACITY_FULL' | 'CUTOFF_PASSED' | 'NO_COLLECTION' | 'IN_THE_PAST';

export interface RoutingRuleContext {
  shipComplete: boolean;
  /** Empty: any DC. */
  allowedDcs: string[];
  preferredDc: string | null;
  /** Empty: any carrier not excluded. */
  allowedCarriers: string[];
  excludedCarriers: string[];
}

export interface CreditCheckContext {
  hasAccount: boolean;
  creditLimit: number | null;
  exposure: number;
  headroom: number | null;
  withinLimit: boolean | null;
  overLimitBy: number | null;
  overdue: boolean | null;
  overdueDays: number | null;
  overdueAmount: number | null;
}

export interface ShipmentOptionContext {
  dcCode: string;
  carrierCode: string;
  shipDate: string | null;
  onRequestedDate: boolean;
  /** Working days (Monday–Friday) after the requested date up to the ship date; null without a ship date. */
  delayDays: number | null;
  deliveryDate: string | null;
  cost: number;
  preferredDc: boolean;
  requestedDateBlockers: ShipmentBlocker[];
  /** Null when the customer has no delivery windows or the option has no ship date. */
  deliveryWindowMet: boolean | null;
}

export interface DcAvailabilityContext {
  dcCode: string;
  available: number;
  availableByRequestedDate: number;
  earliestFillDate: string | null;
}

export interface PriceCheckContext {
  skuKnown: boolean;
  hasContract: boolean;
  contractId: string | null;
  contractPrice: number | null;
  deviationPct: number | null;
  tolerancePct: number | null;
  withinTolerance: boolean | null;
  marginPct: number | null;
  marginFloorPct: number | null;
  aboveMarginFloor: boolean | null;
  lastContractEndedOn: string | null;
}

export interface OrderLineContext {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPrice: number;
  availability: { skuKnown: boolean; byDc: DcAvailabilityContext[] } | null;
  priceCheck: PriceCheckContext | null;
}

export interface ErpCommandContext {
  commandId: string;
  commandType: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  /** ISO 8601. */
  requestedAt: string;
}

export type OrderStatus =
  'RECEIVED' | 'VALIDATING' | 'ON_HOLD' | 'RELEASED' | 'PARTIALLY_RELEASED' | 'SHIPPED' | 'CANCELLED';

/** One order as the graph answers {@link ORDER_CONTEXT_DOCUMENT}. */
export interface OrderContext {
  orderNumber: string;
  erpVersion: number;
  status: OrderStatus;
  customerId: string;
  shipToId: string | null;
  requestedDate: string;
  orderValue: number;
  currency: string;
  /** The free text the ERP holds on the order (remarks, hold notes; at most 2,000 characters); null when none. */
  notes: string | null;
  shipTo: { id: string; region: string } | null;
  /** Null when the ERP sent a customer the customer master does not know. */
  customer: {
    id: string;
    name: string;
    segment: string;
    tier: string;
    routingRules: RoutingRuleContext | null;
  } | null;
  creditCheck: CreditCheckContext | null;
  shipmentOptions: ShipmentOptionContext[] | null;
  erpCommands: ErpCommandContext[];
  lines: OrderLineContext[];
}

export interface DetectionContextResult {
  orders: OrderContext[];
  distributionCenters: { code: string; region: string }[];
}
