/**
 * Express's "trust proxy" check (TRUST_PROXY: addresses and subnets, "loopback, 10.0.0.0/8"),
 * remembering which addresses it trusts. Why: Express asks on every request, for `req.protocol`
 * (Remix builds the request's URL from it) and for `req.ip` (the rate limits), and proxy-addr
 * parses the address with ipaddr.js each time: about 20 µs a request, 1.5% of an answer POST's
 * CPU in its profile. Behind a proxy every request comes from the proxy's address.
 *
 * Only trusted addresses are remembered: those are the operator's proxies. A client's own address
 * is checked anew each time and never kept (privacy.md: nothing about a client is stored).
 */
import proxyaddr from "proxy-addr";

/** Trusted addresses remembered; the set is emptied when full (a trusted subnet can be large). */
const KEPT_ADDRESSES = 1000;

/**
 * A trust function for Express's "trust proxy" setting, the one Express makes from the same
 * string. The answer depends on the address alone (a list, unlike a hop count, ignores the hop).
 */
export function trustProxy(list: string): (address: string, hop: number) => boolean {
  // As Express reads a string setting: a comma-separated list, each entry trimmed.
  const trusts = proxyaddr.compile(list.split(",").map((entry) => entry.trim()));
  const trusted = new Set<string>();
  return (address, hop) => {
    if (trusted.has(address)) return true;
    if (!trusts(address, hop)) return false;
    if (trusted.size >= KEPT_ADDRESSES) trusted.clear();
    trusted.add(address);
    return true;
  };
}
