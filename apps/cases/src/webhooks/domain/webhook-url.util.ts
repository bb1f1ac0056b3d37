import { isIP } from 'node:net';

/**
 * Why a partner's webhook URL is refused, or undefined when it is acceptable. Deliveries carry
 * case data out of the network, and the dispatcher must not be usable to reach internal hosts:
 * only https, and no loopback, private, link-local or `.local`/`.internal` hosts. `allowInsecure`
 * (development and tests) lifts both rules.
 */
export function webhookUrlRefusal(raw: string, allowInsecure: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:')) return 'must be https';
  if (url.username || url.password) return 'must not carry credentials';
  if (allowInsecure) return undefined;
  // A trailing dot names the same host ("localhost." is localhost).
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || /\.(local|internal|localhost)$/.test(host)) return 'must not be a local host';
  if (isIP(host) === 4 && isPrivateIpv4(host)) return 'must not be a private or local address';
  if (isIP(host) === 6 && isPrivateIpv6(host)) return 'must not be a private or local address';
  return undefined;
}

function isPrivateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

function isPrivateIpv6(address: string): boolean {
  if (address === '::1' || address === '::') return true;
  // An IPv4 address inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), SIIT
  // (::ffff:0:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d); URL normalises the tail to two hex groups.
  const mapped = /^(?:::ffff:|::|::ffff:0:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return isPrivateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  // Unique-local fc00::/7, link-local fe80::/10, site-local fec0::/10.
  return /^(fc|fd|fe[89a-f])/.test(address);
}
