import type { Identity, Role } from '../identity/identity';

/**
 * Who may do what in ordex: the one place access is decided. Each subgraph enforces the rules of
 * the fields it owns ({@link AccessGuard}); the role × operation test suite is generated from
 * these tables, and a spec checks that every root field of the supergraph has a rule here.
 */

/** Permissions, each a coherent slice of the graph. */
export const SCOPES = {
  'orders:read': 'orders, their lines and versions, customers and ship-tos',
  'orders:notes':
    "the free text on orders (the customer's remarks, the order desk's and the ERP's hold notes)",
  'inventory:read': 'products, distribution centres, stock and line availability',
  'pricing:read': 'contracts, list prices and line price checks (margins)',
  'credit:read': "customers' credit accounts, exposure and overdue receivables",
  'logistics:read': 'carriers, lanes, capacity and customer routing rules',
  'cases:read': 'exception cases, their tasks, recommendations, approvals and audit trail',
  'audit:verify': "recomputing a case's audit hash chain",
  'governance:read': 'decision tables (routing, SLA, automation, approval thresholds) and business calendars',
  'governance:write': 'changing business calendars and decision tables',
  'analytics:read': 'the event log, KPIs, process maps, variants and root-cause findings',
  'approvals:read': 'who may approve what (the approval-authority decision table)',
  'models:read': 'the model registry',
  'models:manage': "registering, promoting (never one's own) and retiring model versions",
  'webhooks:read': "partners' webhook subscriptions",
  'webhooks:write': 'creating and deleting webhook subscriptions (a partner: its own)',
  'erp:submit': 'submitting ERP events through GraphQL (partners without NATS)',
  'holds:write': 'asking the ERP to place or release a hold on an order',
  'cases:act': "taking a case's recommendations (the action, or a request for approval)",
  'approvals:decide':
    'approving or rejecting what others asked for (within the authority the approval-authority table gives)',
} as const;

export type Scope = keyof typeof SCOPES;

const ALL_SCOPES = Object.keys(SCOPES) as Scope[];
const OPERATIONS_READ: Scope[] = [
  'orders:read',
  'orders:notes',
  'cases:read',
  'analytics:read',
  'approvals:read',
  'cases:act',
];

/** What each role may do: the teams of DOMAIN.md see what their exceptions need. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  'customer-service': [...OPERATIONS_READ, 'inventory:read', 'pricing:read', 'logistics:read', 'holds:write'],
  warehouse: [...OPERATIONS_READ, 'inventory:read', 'logistics:read'],
  procurement: [...OPERATIONS_READ, 'inventory:read'],
  'finance-credit': [...OPERATIONS_READ, 'credit:read', 'pricing:read', 'holds:write', 'approvals:decide'],
  'finance-pricing': [
    ...OPERATIONS_READ,
    'pricing:read',
    'inventory:read',
    'holds:write',
    'approvals:decide',
  ],
  transportation: [...OPERATIONS_READ, 'logistics:read', 'inventory:read'],
  'data-stewardship': [
    ...OPERATIONS_READ,
    'inventory:read',
    'pricing:read',
    'logistics:read',
    'governance:read',
  ],
  it: [
    ...OPERATIONS_READ,
    'inventory:read',
    'logistics:read',
    'audit:verify',
    'governance:read',
    'models:read',
    'models:manage',
    'webhooks:read',
    'webhooks:write',
    'erp:submit',
  ],
  admin: ALL_SCOPES,
  // Partner systems: orders, cases and webhooks, always narrowed to the customers they act for
  // (PartnerDirectory in the owning subgraph).
  partner: ['orders:read', 'cases:read', 'webhooks:read', 'webhooks:write'],
  // ordex's own services: the cases service reads an order's whole context to detect its exceptions
  // (and triages its notes).
  system: [
    'orders:read',
    'orders:notes',
    'inventory:read',
    'pricing:read',
    'credit:read',
    'logistics:read',
    'cases:read',
    'models:read',
  ],
};

/**
 * The scope each guarded field needs, by schema coordinate. Every Query, Mutation and
 * Subscription field must have one (a root field without a rule is refused); other fields need
 * one only when they expose more than the object they hang on.
 */
export const ACCESS_RULES: Record<string, Scope> = {
  // orders
  'Query.order': 'orders:read',
  'Query.orders': 'orders:read',
  'Query.customer': 'orders:read',
  'Query.customers': 'orders:read',
  // Internal text (hold notes may speak of a customer's credit): not for partner systems.
  'Order.notes': 'orders:notes',
  'Mutation.submitErpEvents': 'erp:submit',
  'Mutation.placeOrderHold': 'holds:write',
  'Mutation.releaseOrderHold': 'holds:write',
  // inventory
  'Query.product': 'inventory:read',
  'Query.products': 'inventory:read',
  'Query.distributionCenters': 'inventory:read',
  'Query.availableToPromise': 'inventory:read',
  'Query.inboundPurchaseOrders': 'inventory:read',
  'OrderLine.availability': 'inventory:read',
  // pricing
  'Query.contract': 'pricing:read',
  'Query.contracts': 'pricing:read',
  'Query.priceList': 'pricing:read',
  'Query.creditAccount': 'credit:read',
  'OrderLine.priceCheck': 'pricing:read',
  'Customer.credit': 'credit:read',
  'Order.creditCheck': 'credit:read',
  // logistics
  'Query.carriers': 'logistics:read',
  'Query.carrier': 'logistics:read',
  'Query.capacity': 'logistics:read',
  'Customer.routingRules': 'logistics:read',
  'Order.shipmentOptions': 'logistics:read',
  // cases
  'Query.case': 'cases:read',
  'Query.cases': 'cases:read',
  'Query.verifyAuditChain': 'audit:verify',
  'Query.decisionTables': 'governance:read',
  'Query.decisionTable': 'governance:read',
  'Query.decisionTableHistory': 'governance:read',
  'Mutation.publishDecisionTable': 'governance:write',
  'Mutation.takeRecommendation': 'cases:act',
  'Query.workQueue': 'cases:act',
  'Mutation.assignTask': 'cases:act',
  'Mutation.releaseTask': 'cases:act',
  'Query.workflowHealth': 'analytics:read',
  'Mutation.decideApproval': 'approvals:decide',
  'Query.businessCalendars': 'governance:read',
  'Mutation.setBusinessCalendar': 'governance:write',
  'Query.approvalRequirement': 'approvals:read',
  'Query.webhookSubscriptions': 'webhooks:read',
  'Mutation.createWebhookSubscription': 'webhooks:write',
  'Mutation.deleteWebhookSubscription': 'webhooks:write',
  'Query.webhookDeliveries': 'webhooks:read',
  'Mutation.replayWebhookDeliveries': 'webhooks:write',
  'Order.case': 'cases:read',
  'Subscription.caseUpdated': 'cases:read',
  'Query.caseUpdate': 'cases:read',
  // How ordex works a case inside (margins at risk, proposals with prices and credit amounts,
  // approvals, the unsent customer message): the teams that act on cases, not partners.
  'Case.priorityFactors': 'cases:act',
  'Case.serviceRisk': 'cases:act',
  'Case.actionRanking': 'cases:act',
  'Case.noteTriage': 'cases:act',
  'Case.recommendations': 'cases:act',
  'Case.actions': 'cases:act',
  'Case.approvals': 'cases:act',
  'Case.customerMessage': 'cases:act',
  // analytics
  'Query.eventLog': 'analytics:read',
  'Query.ocelExport': 'analytics:read',
  'Query.kpiSeries': 'analytics:read',
  'Query.kpiTrendSvg': 'analytics:read',
  'Query.processMap': 'analytics:read',
  'Query.processVariants': 'analytics:read',
  'Query.rootCauseFindings': 'analytics:read',
  'Query.backtestAutomationPolicy': 'governance:read',
  'Query.modelVersions': 'models:read',
  'Query.championModel': 'models:read',
  'Query.serviceRiskOversight': 'models:read',
  'Query.actionRankingOversight': 'models:read',
  'Query.actionOutcomes': 'analytics:read',
  'Mutation.registerModelVersion': 'models:manage',
  'Mutation.promoteModelVersion': 'models:manage',
  'Mutation.retireModelVersion': 'models:manage',
};

export const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/** Fields of the federation protocol that the gateway itself calls. */
const FEDERATION_FIELDS = new Set(['Query._service', 'Query._entities']);

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

const scopesByIdentity = new WeakMap<Identity, ReadonlySet<Scope>>();

/** The scopes of an identity's roles; computed once per identity (a request's fields share it). */
export function scopesOf(identity: Identity): ReadonlySet<Scope> {
  let scopes = scopesByIdentity.get(identity);
  if (!scopes) {
    scopes = new Set(identity.roles.flatMap((role) => ROLE_SCOPES[role]));
    scopesByIdentity.set(identity, scopes);
  }
  return scopes;
}

/** Whether `identity` may resolve the field at `coordinate` (`Type.field`). */
export function decideAccess(identity: Identity, coordinate: string): AccessDecision {
  if (FEDERATION_FIELDS.has(coordinate)) return { allowed: true };
  const scope = ACCESS_RULES[coordinate];
  if (scope === undefined) {
    const root = (ROOT_TYPES as readonly string[]).includes(coordinate.split('.')[0]);
    return root ? { allowed: false, reason: `no access rule for ${coordinate}` } : { allowed: true };
  }
  if (scopesOf(identity).has(scope)) return { allowed: true };
  return { allowed: false, reason: `needs ${scope}, which roles [${identity.roles.join(', ')}] lack` };
}
