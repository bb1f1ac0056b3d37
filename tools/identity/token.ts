import { parseArgs } from 'node:util';
import { DevIssuer, isRole, ROLES, type Role } from '@ordex/platform';

/**
 * `npm run -s token -- --role <role> [--role <role>…] [--user <id>] [--partner <id>] [--level <n>] [--hours <n>]`
 * prints a bearer token from the embedded development issuer whose key is in ORDEX_DATA_DIR
 * (./data by default), for the platform `npm start` runs there. Production tokens come from the
 * organisation's OIDC provider, never from here.
 */
function main(): number {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      user: { type: 'string' },
      partner: { type: 'string' },
      level: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
    strict: true,
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  const hours = Number(values.hours);
  const level = values.level === undefined ? undefined : Number(values.level);
  const problem =
    roles.length === 0
      ? 'give at least one --role'
      : unknown.length
        ? `unknown role ${unknown.join(', ')}`
        : roles.includes('partner') !== Boolean(values.partner)
          ? 'a partner token needs --partner <id>, and only a partner token takes one'
          : !(hours > 0 && hours <= 24 * 30)
            ? '--hours must be more than 0 and at most 720'
            : level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 9)
              ? '--level must be a whole number from 1 to 9'
              : undefined;
  if (problem) {
    process.stderr.write(`ordex token: ${problem} (roles: ${ROLES.join(', ')})\n`);
    return 2;
  }
  const dataDir = process.env.ORDEX_DATA_DIR ?? './data';
  void DevIssuer.open(dataDir)
    .then((issuer) =>
      issuer.issue({
        roles: roles as Role[],
        user: values.user,
        partnerId: values.partner,
        approvalLevel: level,
        ttlSeconds: Math.round(hours * 3600),
      }),
    )
    .then((token) => process.stdout.write(`${token}\n`));
  return 0;
}

process.exitCode = main();
