import type { Identity, Role } from '@ordex/platform';

export enum ApprovalAction {
  CREDIT_RELEASE = 'CREDIT_RELEASE',
  PRICE_OVERRIDE = 'PRICE_OVERRIDE',
}

/** What an approval decides on: the table's inputs. */
export interface ApprovalRequest {
  action: ApprovalAction;
  /** The amount at stake: credit released over the limit, or the value of the overridden lines. */
  amount: number;
  belowMarginFloor: boolean;
  tier: string;
}

/** Who may approve it: a role, at a level or above. */
export interface ApprovalRequirement {
  role: Role;
  level: number;
}

/** Reads the decision table's answer; undefined when no rule matched (nobody may approve). */
export function requirementFrom(result: unknown): ApprovalRequirement | undefined {
  const { role, level } = (result ?? {}) as { role?: unknown; level?: unknown };
  if (typeof role !== 'string' || typeof level !== 'number') return undefined;
  return { role: role as Role, level };
}

/**
 * Whether `identity` has the authority: the role, and an approval level at least the one
 * required (analysts are level 1). Four-eyes (the requester never approves) is checked where
 * approvals are decided, on top of this.
 */
export function hasAuthority(identity: Identity, requirement: ApprovalRequirement | undefined): boolean {
  if (!requirement) return false;
  return identity.roles.includes(requirement.role) && (identity.approvalLevel ?? 1) >= requirement.level;
}
