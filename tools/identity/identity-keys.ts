import { generateInternalIdentityKeys } from '@ordex/platform';

/**
 * `npm run -s identity:keys` prints a fresh Ed25519 key pair for production mode as environment
 * lines (PEM line breaks written as \n): IDENTITY_SIGNING_KEY for the gateway only,
 * IDENTITY_VERIFY_KEY for every subgraph. Put them in the deployment's secret store.
 */
const { privateKeyPem, publicKeyPem } = generateInternalIdentityKeys();
const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
process.stdout.write(
  `IDENTITY_SIGNING_KEY="${oneLine(privateKeyPem)}"\nIDENTITY_VERIFY_KEY="${oneLine(publicKeyPem)}"\n`,
);
