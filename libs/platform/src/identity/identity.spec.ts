import { AuthenticationError, identityFromClaims, isRole, ROLES } from './identity';

/** The reason of the AuthenticationError `fn` throws; fails the test when it throws nothing else. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).reason;
  }
  throw new Error('expected an AuthenticationError, nothing was thrown');
}

describe('identityFromClaims', () => {
  it('reads roles from an array claim', () => {
    expect(
      identityFromClaims({ sub: 'ann', roles: ['warehouse', 'finance-credit'] }, 'roles', 'partner_id'),
    ).toEqual({
      subject: 'ann',
      roles: ['warehouse', 'finance-credit'],
    });
  });

  it('reads roles from a space-separated string claim', () => {
    const identity = identityFromClaims(
      { sub: 'ann', scope: 'customer-service  admin' },
      'scope',
      'partner_id',
    );
    expect(identity.roles).toEqual(['customer-service', 'admin']);
  });

  it('reads roles at a dotted claim path such as realm_access.roles', () => {
    const claims = { sub: 'bob', realm_access: { roles: ['procurement', 'it'] } };
    expect(identityFromClaims(claims, 'realm_access.roles', 'partner_id').roles).toEqual([
      'procurement',
      'it',
    ]);
  });

  it('yields no roles when the dotted path runs through a non-object or is missing', () => {
    expect(
      identityFromClaims({ sub: 'bob', realm_access: 'admin' }, 'realm_access.roles', 'p').roles,
    ).toEqual([]);
    expect(identityFromClaims({ sub: 'bob' }, 'realm_access.roles', 'p').roles).toEqual([]);
    expect(identityFromClaims({ sub: 'bob', roles: 42 }, 'roles', 'p').roles).toEqual([]);
  });

  it('ignores role names ordex does not know and removes duplicates', () => {
    const claims = { sub: 'cy', roles: ['warehouse', 'offline_access', 'warehouse', 7, 'Admin', 'admin'] };
    expect(identityFromClaims(claims, 'roles', 'partner_id').roles).toEqual(['warehouse', 'admin']);
  });

  it.each([
    ['missing', {}],
    ['empty', { sub: '' }],
    ['not a string', { sub: 42 }],
  ])('refuses a token whose sub is %s', (_what, claims) => {
    expect(refusal(() => identityFromClaims({ ...claims, roles: ['admin'] }, 'roles', 'partner_id'))).toBe(
      'token has no subject',
    );
  });

  it('sets partnerId for a partner token that carries the partner claim', () => {
    const claims = { sub: 'acme-bot', roles: ['partner'], partner_id: 'ACME' };
    expect(identityFromClaims(claims, 'roles', 'partner_id')).toEqual({
      subject: 'acme-bot',
      roles: ['partner'],
      partnerId: 'ACME',
    });
  });

  it('reads the partner claim at a dotted path', () => {
    const claims = { sub: 'acme-bot', roles: ['partner'], ext: { partner: 'ACME' } };
    expect(identityFromClaims(claims, 'roles', 'ext.partner').partnerId).toBe('ACME');
  });

  it.each([
    ['missing', {}],
    ['empty', { partner_id: '' }],
    ['not a string', { partner_id: 12 }],
  ])('refuses a partner token whose partner claim is %s, naming the claim', (_what, extra) => {
    const reason = refusal(() =>
      identityFromClaims({ sub: 'bot', roles: ['partner'], ...extra }, 'roles', 'partner_id'),
    );
    expect(reason).toContain('partner_id');
  });

  it('gives a non-partner token no partnerId even when it carries a partner claim', () => {
    const identity = identityFromClaims(
      { sub: 'dee', roles: ['warehouse'], partner_id: 'ACME' },
      'roles',
      'partner_id',
    );
    expect(identity).toEqual({ subject: 'dee', roles: ['warehouse'] });
    expect(identity).not.toHaveProperty('partnerId');
  });
});

describe('isRole', () => {
  it.each(ROLES.map((role) => [role]))('accepts %s', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each([['Admin'], ['superuser'], [''], [' admin'], [undefined], [null], [1], [['admin']]])(
    'rejects %p',
    (value) => {
      expect(isRole(value)).toBe(false);
    },
  );
});

describe('AuthenticationError', () => {
  it('keeps the reason as its message and names itself', () => {
    const error = new AuthenticationError('token expired');
    expect(error).toBeInstanceOf(Error);
    expect(error.reason).toBe('token expired');
    expect(error.message).toBe('token expired');
    expect(error.name).toBe('AuthenticationError');
  });
});

describe('approval level', () => {
  const claims = (level: unknown) => ({ sub: 'u', roles: ['finance-credit'], approval_level: level });

  it('reads a level above 1 from the configured claim; analysts (1, absent) carry none', () => {
    expect(identityFromClaims(claims(2), 'roles', 'partner_id')).toEqual({
      subject: 'u',
      roles: ['finance-credit'],
      approvalLevel: 2,
    });
    expect(
      identityFromClaims({ sub: 'u', roles: [], authority: { level: 3 } }, 'roles', 'p', 'authority.level'),
    ).toMatchObject({ approvalLevel: 3 });
    for (const ignored of [1, undefined, 0, 1.5, 10, 'two', '2x']) {
      expect(identityFromClaims(claims(ignored), 'roles', 'partner_id').approvalLevel).toBeUndefined();
    }
  });

  it('gives a partner system no approval level', () => {
    const partner = identityFromClaims(
      { sub: 'p', roles: ['partner'], partner_id: 'PRT-1', approval_level: 2 },
      'roles',
      'partner_id',
    );
    expect(partner.approvalLevel).toBeUndefined();
  });
});
