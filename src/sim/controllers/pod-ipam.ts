/**
 * Pod IPs from each node's podCIDR, as kindnet's host-local IPAM hands them
 * out: .1 is the node-side gateway, pods get .2 upward in order, and a freed
 * address is not reused until the range wraps around.
 * Mirrors containernetworking/plugins plugins/ipam/host-local (allocator.go).
 */
import { cidrAddress, cidrSize, formatIPv4, parseIPv4, type Cidr } from '../net/ip';

export class NodeIpam {
  private readonly used = new Set<number>();
  private last = 1;

  constructor(readonly cidr: Cidr) {}

  allocate(): string | null {
    const size = cidrSize(this.cidr);
    const first = 2;
    const lastUsable = size - 2;
    for (let i = 0; i < lastUsable - first + 1; i++) {
      let offset = this.last + 1 + i;
      if (offset > lastUsable) offset = first + ((offset - first) % (lastUsable - first + 1));
      if (!this.used.has(offset)) {
        this.used.add(offset);
        this.last = offset;
        return formatIPv4(cidrAddress(this.cidr, offset));
      }
    }
    return null;
  }

  release(ipText: string): void {
    const ip = parseIPv4(ipText);
    if (ip !== undefined) this.used.delete(ip - this.cidr.base);
  }
}
