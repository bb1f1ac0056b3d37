import { ExceptionCategory } from '@ordex/contracts';
import type { OrderLineContext } from '../order-context';
import type { DetectedException } from './detect-exceptions.util';

/**
 * A line's PRICE_MISMATCH exception: its price deviates from the contract beyond tolerance,
 * and/or its margin is under the floor; one exception covering both.
 */
export function priceMismatchException(line: OrderLineContext): DetectedException | null {
  const check = line.priceCheck;
  if (check === null) return null;
  const deviates = check.hasContract && check.withinTolerance === false;
  const underFloor = check.aboveMarginFloor === false;
  if (!deviates && !underFloor) return null;

  const parts: string[] = [];
  if (deviates) {
    parts.push(
      `${money(line.unitPrice)} is ${signedPct(check.deviationPct, '+')} off the contract price ` +
        `${money(check.contractPrice)} (tolerance ${plainPct(check.tolerancePct)})`,
    );
  }
  if (underFloor) {
    parts.push(`margin ${signedPct(check.marginPct, '')} under the ${plainPct(check.marginFloorPct)} floor`);
  }
  return {
    category: ExceptionCategory.PRICE_MISMATCH,
    lineNo: line.lineNo,
    reason: `${line.sku}: ${parts.join('; ')}`,
    facts: {
      contractId: check.contractId,
      contractPrice: check.contractPrice,
      unitPrice: line.unitPrice,
      deviationPct: check.deviationPct,
      tolerancePct: check.tolerancePct,
      marginPct: check.marginPct,
      marginFloorPct: check.marginFloorPct,
    },
  };
}

function money(value: number | null): string {
  return value === null ? '?' : value.toFixed(2);
}

/** "−9.00 %", with a true minus sign; `plus` prefixes positive values. */
function signedPct(value: number | null, plus: string): string {
  if (value === null) return '? %';
  const cents = Math.round(value * 100);
  const sign = cents < 0 ? '−' : cents > 0 ? plus : '';
  return `${sign}${(Math.abs(cents) / 100).toFixed(2)} %`;
}

/** "3 %", "2.5 %": a threshold as people write it. */
function plainPct(value: number | null): string {
  return value === null ? '? %' : `${Math.round(value * 100) / 100} %`;
}
