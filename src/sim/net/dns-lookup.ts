/**
 * A pod's stub resolver at work: each candidate name from the search list is
 * asked of the nameserver in turn until one answers.
 */
import { answer, type DnsContext, type DnsResponse, type RRType } from '../dns/records';
import { candidateNames, type ResolvConf } from '../dns/resolv-conf';

export interface DnsQuery {
  qname: string;
  qtype: RRType;
  response: DnsResponse;
}

export interface LookupResult {
  queries: DnsQuery[];
  /** The query that ended the walk with an answer, if any. */
  found?: DnsQuery;
  addresses: string[];
}

export function lookup(ctx: DnsContext, conf: ResolvConf, name: string, qtype: RRType = 'A'): LookupResult {
  const queries: DnsQuery[] = [];
  for (const qname of candidateNames(name, conf)) {
    const response = answer(ctx, qname, qtype);
    const q = { qname, qtype, response };
    queries.push(q);
    if (response.rcode === 'NOERROR' && response.answers.length > 0) {
      const addresses = response.answers.filter((a) => a.type === qtype).map((a) => a.data);
      return { queries, found: q, addresses };
    }
    if (response.rcode === 'NOERROR' && qtype !== 'A') return { queries, found: q, addresses: [] };
  }
  return { queries, addresses: [] };
}
