/**
 * A work queue's page of orders with every context field, across the four context subgraphs:
 * stock by the requested date (per DC), price against contract, credit exposure, the two best
 * shipment options, the customer's credit and routing rules, holds. The statement-count test and
 * `npm run bench:graph` both send it.
 */
export const ORDER_CONTEXT_QUERY = `query OrderContext($first: Int!, $asOf: String!) {
  orders(first: $first) {
    orderNumber erpVersion status orderedOn requestedDate orderValue
    shipTo { id region }
    customer {
      id segment tier
      credit { creditLimit openReceivables openOrdersValue overdueDays }
      routingRules { shipComplete preferredDc allowedDcs excludedCarriers }
    }
    holds { id type state }
    creditCheck { hasAccount exposure headroom withinLimit overdue passes }
    shipmentOptions(asOf: $asOf, first: 2) {
      dcCode carrierCode shipDate onRequestedDate deliveryDate cost requestedDateBlockers
    }
    lines {
      lineNo sku quantity unitPrice
      availability {
        skuKnown totalAvailable totalAvailableByRequestedDate fillableFromOneDcByRequestedDate
        byDc { dcCode availableByRequestedDate earliestFillDate }
      }
      priceCheck {
        skuKnown hasContract contractKind contractPrice deviationPct withinTolerance
        marginPct aboveMarginFloor lastContractEndedOn
      }
    }
  }
}`;

export interface OrderContextResult {
  orders: { orderNumber: string; lines: unknown[] }[];
}
