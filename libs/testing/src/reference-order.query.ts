/** The federated query every mode must answer: an order, line availability (inventory), contract price and margin (pricing). */
export const REFERENCE_ORDER_QUERY = /* GraphQL */ `
  query ReferenceOrder($orderNumber: ID!) {
    order(orderNumber: $orderNumber) {
      orderNumber
      erpVersion
      status
      customer {
        id
        name
        segment
        tier
      }
      lines {
        lineNo
        sku
        quantity
        unitPrice
        availability {
          totalAvailable
          fillableFromOneDc
          byDc {
            dcCode
            available
          }
        }
        priceCheck {
          hasContract
          contractId
          contractPrice
          listPrice
          deviationPct
          tolerancePct
          withinTolerance
          marginPct
          marginFloorPct
          aboveMarginFloor
        }
      }
    }
  }
`;

export interface ReferenceOrderResult {
  order: {
    orderNumber: string;
    erpVersion: number;
    status: string;
    customer: { id: string; name: string; segment: string; tier: string } | null;
    lines: {
      lineNo: number;
      sku: string;
      quantity: number;
      unitPrice: number;
      availability: {
        totalAvailable: number;
        fillableFromOneDc: boolean;
        byDc: { dcCode: string; available: number }[];
      } | null;
      priceCheck: {
        hasContract: boolean;
        contractId: string | null;
        contractPrice: number | null;
        listPrice: number | null;
        deviationPct: number | null;
        tolerancePct: number | null;
        withinTolerance: boolean | null;
        marginPct: number | null;
        marginFloorPct: number | null;
        aboveMarginFloor: boolean | null;
      } | null;
    }[];
  } | null;
}
