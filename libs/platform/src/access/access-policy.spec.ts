import type { Identity } from '../identity/identity';
import { ACCESS_RULES, decideAccess, ROLE_SCOPES, SCOPES, scopesOf } from './access-policy';

const as = (...roles: Identity['roles']): Identity => ({ subject: 'u', roles });

describe('access policy', () => {
  it('refuses a root field that has no rule, whoever asks', () => {
    expect(decideAccess(as('admin'), 'Query.somethingNew')).toEqual({
      allowed: false,
      reason: 'no access rule for Query.somethingNew',
    });
    expect(decideAccess(as('admin'), 'Mutation.somethingNew').allowed).toBe(false);
    expect(decideAccess(as('admin'), 'Subscription.somethingNew').allowed).toBe(false);
  });

  it('lets the gateway use the federation protocol fields', () => {
    expect(decideAccess(as(), 'Query._service')).toEqual({ allowed: true });
    expect(decideAccess(as(), 'Query._entities')).toEqual({ allowed: true });
  });

  it('leaves object fields without a rule to the access of the object they hang on', () => {
    expect(decideAccess(as(), 'Order.lines')).toEqual({ allowed: true });
  });

  it('allows a field to a role whose scopes include its rule, and names the missing scope otherwise', () => {
    expect(decideAccess(as('finance-credit'), 'Customer.credit')).toEqual({ allowed: true });
    expect(decideAccess(as('warehouse'), 'Customer.credit')).toEqual({
      allowed: false,
      reason: 'needs credit:read, which roles [warehouse] lack',
    });
  });

  it('unites the scopes of several roles', () => {
    expect(decideAccess(as('warehouse', 'finance-credit'), 'Customer.credit').allowed).toBe(true);
    expect(scopesOf(as('warehouse', 'procurement'))).toEqual(
      new Set([...ROLE_SCOPES.warehouse, ...ROLE_SCOPES.procurement]),
    );
  });

  it('grants nothing to a token without an ordex role', () => {
    expect(decideAccess(as(), 'Query.orders').allowed).toBe(false);
  });

  it('only names scopes that exist', () => {
    const known = new Set(Object.keys(SCOPES));
    expect(Object.values(ACCESS_RULES).filter((scope) => !known.has(scope))).toEqual([]);
    expect(
      Object.values(ROLE_SCOPES)
        .flat()
        .filter((scope) => !known.has(scope)),
    ).toEqual([]);
  });

  it('gives admin every scope and partners only what the owning subgraphs narrow to their customers', () => {
    expect(new Set(ROLE_SCOPES.admin)).toEqual(new Set(Object.keys(SCOPES)));
    expect(ROLE_SCOPES.partner).toEqual(['orders:read', 'cases:read', 'webhooks:read', 'webhooks:write']);
  });
});
