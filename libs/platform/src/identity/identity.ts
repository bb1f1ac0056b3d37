/**
 * Who is asking, as ordex knows it after authentication: the teams of DOMAIN.md as roles, plus
 * the partner role for partner systems, which also carry the partner they act for, and the system
 * role for ordex's own services reading the graph (the cases service's exception detection).
 */
export const ROLES = [
  'customer-service',
  'warehouse',
  'procurement',
  'finance-credit',
  'finance-pricing',
  'transportation',
  'data-stewardship',
  'it',
  'admin',
  'partner',
  'system',
] as const;

export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The user or system the token was issued to (`sub`). */
  subject: string;
  roles: readonly Role[];
  /** The partner a partner system acts for; set exactly when `roles` holds `partner`. */
  partnerId?: string;
  /**
   * Approval authority within the roles: 1 (an analyst: the default) or higher (a manager: 2).
   * What each level may approve is data: the approval-authority decision table of the cases service.
   */
  approvalLevel?: number;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A token or identity ordex refuses; `reason` is for the security log, never for the client. */
export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}

/**
 * Reads an identity from verified claims. Role names ordex does not know are ignored (a shared
 * issuer may grant other applications' roles); a partner role without a partner id is refused.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  rolesClaim: string,
  partnerClaim: string,
  levelClaim = 'approval_level',
): Identity {
  const subject = claims.sub;
  if (typeof subject !== 'string' || !subject) throw new AuthenticationError('token has no subject');
  const granted = claimAt(claims, rolesClaim);
  const list = Array.isArray(granted) ? granted : typeof granted === 'string' ? granted.split(' ') : [];
  const roles = [...new Set(list.filter(isRole))];
  const partner = claimAt(claims, partnerClaim);
  const level = Number(claimAt(claims, levelClaim));
  if (!roles.includes('partner')) {
    return Number.isInteger(level) && level > 1 && level <= 9
      ? { subject, roles, approvalLevel: level }
      : { subject, roles };
  }
  if (typeof partner !== 'string' || !partner) {
    throw new AuthenticationError(`partner token without a ${partnerClaim} claim`);
  }
  return { subject, roles, partnerId: partner };
}

/** A claim by dotted path (`realm_access.roles`), as issuers nest them. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
