/**
 * Everything the exception work asks about a page of orders, across the four context subgraphs:
 * the statement-count test and `npm run bench:graph` both send it.
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
    shipmentOptions(asOf: $asOf) {
      dcCode carrierCode shipDate onRequestedDate deliveryDate cost requestedDateBlockers
    }
    lines {
      lineNo sku quantity unitPrice
      availability {
        skuKnown totalAvailable totalAvailableByRequestedDate fillableFromOneDcByRequestedDate
        byDc { dcCode available availableByRequestedDate canFillByRequestedDate earliestFillDate }
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
