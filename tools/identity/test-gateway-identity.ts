import {
  generateInternalIdentityKeys,
  type Identity,
  IDENTITY_HEADER,
  InternalIdentitySigner,
} from '@ordex/platform';

/**
 * Stands in for the gateway in suites that call one subgraph process directly: the subgraph's
 * IDENTITY_VERIFY_KEY setting and the identity header the gateway would sign for a caller.
 */
export function testGatewayIdentity() {
  const keys = generateInternalIdentityKeys();
  const signer = InternalIdentitySigner.fromPem(keys.privateKeyPem);
  return {
    subgraphEnv: { IDENTITY_VERIFY_KEY: keys.publicKeyPem },
    headers: async (identity: Identity = { subject: 'test.admin', roles: ['admin'] }) => ({
      [IDENTITY_HEADER]: await signer.sign(identity),
    }),
  };
}
