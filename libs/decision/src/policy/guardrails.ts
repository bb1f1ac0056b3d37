/**
 * What ordex never does on its own, whatever an automation policy or a learned ranking says: the
 * lines every action taken without a person is checked against (policy backtests, ranking
 * evaluations). Versioned like the decision tables.
 */
export const AUTOMATION_GUARDRAILS = {
  version: 'automation-guardrails-1',
  /** A price or credit is finance's decision: never changed, granted or asked of the customer alone. */
  financeOnly: new Set<string>([
    'CORRECT_PRICE',
    'APPROVE_PRICE_OVERRIDE',
    'CREDIT_RELEASE',
    'REQUIRE_PREPAYMENT',
  ]),
  /** A later date is agreed with the customer first. */
  maxDateEffectDays: 0,
  /** Nothing that costs more than this is spent without a person. */
  maxCost: 500,
} as const;

/** One guardrail an action taken without a person crossed. */
export interface GuardrailBreach {
  guardrail: 'finance-only' | 'customer-date' | 'cost-ceiling';
  detail: string;
}

/** The guardrails an action would cross if ordex took it without a person (none: it may). */
export function guardrailBreaches(action: {
  action: string;
  cost: number;
  dateEffectDays: number;
}): GuardrailBreach[] {
  const found: GuardrailBreach[] = [];
  if (AUTOMATION_GUARDRAILS.financeOnly.has(action.action))
    found.push({ guardrail: 'finance-only', detail: `${action.action} is finance's decision` });
  if (action.dateEffectDays > AUTOMATION_GUARDRAILS.maxDateEffectDays)
    found.push({
      guardrail: 'customer-date',
      detail: `moves the customer's date by ${action.dateEffectDays} day(s) without asking`,
    });
  if (action.cost > AUTOMATION_GUARDRAILS.maxCost)
    found.push({
      guardrail: 'cost-ceiling',
      detail: `spends ${action.cost} (over ${AUTOMATION_GUARDRAILS.maxCost}) without a person`,
    });
  return found;
}
