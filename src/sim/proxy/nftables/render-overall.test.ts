// The services and endpoints of k/k pkg/proxy/nftables/proxier_test.go TestOverallNFTablesRules
// (node test-node 192.168.0.2, pod CIDR 10.0.0.0/8, ServiceCIDR 172.30.0.0/16, nodeport-ips the
// node IP). Chain names and rules are upstream's; the layout is converted from kube-proxy's
// `add ...` transaction into `nft list ruleset` form with release-1.33's base chains
// (proxier.go setupNFTables before k/k#132456), in creation order, as nft 1.0.6 prints it.
import { describe, expect, it } from 'vitest';
import { overallCtx, overallServicePorts } from '../overall-fixture';
import { printNftTable } from './print';
import { renderNftables } from './render';

const S1 = 'ULMVA6XW-ns1/svc1/tcp/p80', E1 = '5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80';
const S2 = '42NFTM6N-ns2/svc2/tcp/p80', E2 = 'SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80';
const S3 = '4AT6LBPK-ns3/svc3/tcp/p80', E3 = 'UEIP74TE-ns3/svc3/tcp/p80__10.180.0.3/80';
const S4 = 'LAUZTJTB-ns4/svc4/tcp/p80', E4a = 'UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80', E4b = '5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80';
const S5 = 'HVFWP5L3-ns5/svc5/tcp/p80', E5 = 'GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80';
const NL = ',\n\t\t\t     ';
const MASQ = 'jump mark-for-masquerade';
const chain = (name: string, ...lines: string[]) => `\tchain ${name} {\n${lines.map((l) => `\t\t${l}\n`).join('')}\t}\n`;
const svc = (s: string, ip: string, ...rest: string[]) => chain(`service-${s}`, `ip daddr ${ip} tcp dport 80 ip saddr != 10.0.0.0/8 ${MASQ}`, ...rest);
const endpoint = (e: string, ip: string, ...extra: string[]) => chain(`endpoint-${e}`, `ip saddr ${ip} ${MASQ}`, ...extra, `meta l4proto tcp dnat to ${ip}:80`);

const EXPECTED = [
  'table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n' +
  `\tset cluster-ips {\n\t\ttype ipv4_addr\n\t\tcomment "Active ClusterIPs"\n\t\telements = { 172.30.0.41, 172.30.0.42${NL}172.30.0.43, 172.30.0.44${NL}172.30.0.45, 172.30.0.46 }\n\t}\n`,
  '\tset nodeport-ips {\n\t\ttype ipv4_addr\n\t\tcomment "IPs that accept NodePort traffic"\n\t\telements = { 192.168.0.2 }\n\t}\n',
  '\tmap no-endpoint-services {\n\t\ttype ipv4_addr . inet_proto . inet_service : verdict\n\t\tcomment "vmap to drop or reject packets to services with no endpoints"\n' +
  `\t\telements = { 1.2.3.4 . tcp . 80 comment "ns2/svc2:p80" : drop${NL}192.168.99.22 . tcp . 80 comment "ns2/svc2:p80" : drop${NL}172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }\n\t}\n`,
  '\tmap no-endpoint-nodeports {\n\t\ttype inet_proto . inet_service : verdict\n\t\tcomment "vmap to drop or reject packets to service nodeports with no endpoints"\n\t\telements = { tcp . 3001 comment "ns2/svc2:p80" : drop }\n\t}\n',
  `\tmap firewall-ips {\n\t\ttype ipv4_addr . inet_proto . inet_service : verdict\n\t\tcomment "destinations that are subject to LoadBalancerSourceRanges"\n\t\telements = { 5.6.7.8 . tcp . 80 : goto firewall-${S5} }\n\t}\n`,
  '\tmap service-ips {\n\t\ttype ipv4_addr . inet_proto . inet_service : verdict\n\t\tcomment "ClusterIP, ExternalIP and LoadBalancer IP traffic"\n\t\telements = { ' + [
    `1.2.3.4 . tcp . 80 : goto external-${S2}`, `5.6.7.8 . tcp . 80 : goto external-${S5}`,
    `192.168.99.22 . tcp . 80 : goto external-${S2}`, `192.168.99.33 . tcp . 80 : goto external-${S4}`,
    `172.30.0.41 . tcp . 80 : goto service-${S1}`, `172.30.0.42 . tcp . 80 : goto service-${S2}`, `172.30.0.43 . tcp . 80 : goto service-${S3}`,
    `172.30.0.44 . tcp . 80 : goto service-${S4}`, `172.30.0.45 . tcp . 80 : goto service-${S5}`,
  ].join(NL) + ' }\n\t}\n',
  '\tmap service-nodeports {\n\t\ttype inet_proto . inet_service : verdict\n\t\tcomment "NodePort traffic"\n' +
  `\t\telements = { tcp . 3001 : goto external-${S2}${NL}tcp . 3002 : goto external-${S5}${NL}tcp . 3003 : goto external-${S3} }\n\t}\n`,
  `\tset affinity-${E5} {\n\t\ttype ipv4_addr\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t}\n`,
  chain('filter-prerouting', 'type filter hook prerouting priority dstnat - 10; policy accept;', 'ct state new jump firewall-check'),
  chain('filter-input', 'type filter hook input priority -110; policy accept;', 'ct state new jump nodeport-endpoints-check', 'ct state new jump service-endpoints-check'),
  chain('filter-forward', 'type filter hook forward priority -110; policy accept;', 'ct state new jump service-endpoints-check', 'ct state new jump cluster-ips-check'),
  chain('filter-output', 'type filter hook output priority -110; policy accept;', 'ct state new jump service-endpoints-check', 'ct state new jump firewall-check'),
  chain('filter-output-post-dnat', 'type filter hook output priority -90; policy accept;', 'ct state new jump cluster-ips-check'),
  chain('nat-prerouting', 'type nat hook prerouting priority dstnat; policy accept;', 'jump services'),
  chain('nat-output', 'type nat hook output priority -100; policy accept;', 'jump services'),
  chain('nat-postrouting', 'type nat hook postrouting priority srcnat; policy accept;', 'jump masquerading'),
  chain('nodeport-endpoints-check', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports'),
  chain('service-endpoints-check', 'ip daddr . meta l4proto . th dport vmap @no-endpoint-services'),
  chain('firewall-check', 'ip daddr . meta l4proto . th dport vmap @firewall-ips'),
  chain('services', 'ip daddr . meta l4proto . th dport vmap @service-ips', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports'),
  chain('masquerading', 'meta mark & 0x00004000 == 0x00000000 return', 'meta mark set meta mark ^ 0x00004000', 'masquerade fully-random'),
  chain('cluster-ips-check', 'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"', 'ip daddr 172.30.0.0/16 drop comment "Drop traffic to unallocated ClusterIPs"'),
  chain('mark-for-masquerade', 'meta mark set meta mark | 0x00004000'),
  '\tchain reject-chain {\n\t\tcomment "helper for @no-endpoint-services / @no-endpoint-nodeports"\n\t\treject\n\t}\n',
  endpoint(E1, '10.180.0.1'),
  svc(S1, '172.30.0.41', `numgen random mod 1 vmap { 0 : goto endpoint-${E1} }`),
  endpoint(E2, '10.180.0.2'),
  svc(S2, '172.30.0.42', `numgen random mod 1 vmap { 0 : goto endpoint-${E2} }`),
  chain(`external-${S2}`, `ip saddr 10.0.0.0/8 goto service-${S2} comment "short-circuit pod traffic"`,
    `fib saddr type local ${MASQ} comment "masquerade local traffic"`, `fib saddr type local goto service-${S2} comment "short-circuit local traffic"`),
  endpoint(E3, '10.180.0.3'),
  svc(S3, '172.30.0.43', `numgen random mod 1 vmap { 0 : goto endpoint-${E3} }`),
  chain(`external-${S3}`, MASQ, `goto service-${S3}`),
  endpoint(E4a, '10.180.0.4'),
  endpoint(E4b, '10.180.0.5'),
  svc(S4, '172.30.0.44', `numgen random mod 2 vmap { 0 : goto endpoint-${E4a}, 1 : goto endpoint-${E4b} }`),
  chain(`external-${S4}`, MASQ, `goto service-${S4}`),
  endpoint(E5, '10.180.0.3', `update @affinity-${E5} { ip saddr }`),
  svc(S5, '172.30.0.45', `ip saddr @affinity-${E5} goto endpoint-${E5}`, `numgen random mod 1 vmap { 0 : goto endpoint-${E5} }`),
  chain(`external-${S5}`, MASQ, `goto service-${S5}`),
  chain(`firewall-${S5}`, 'ip saddr != 203.0.113.0/25 drop'),
].join('\n') + '}\n';

describe('renderNftables: proxier_test.go TestOverallNFTablesRules', () => {
  it('prints the whole table as nft 1.0.6 lists it', () => {
    const text = printNftTable(renderNftables(overallServicePorts(), overallCtx));
    const got = text.split('\n'), want = EXPECTED.split('\n');
    for (let i = 0; i < Math.max(got.length, want.length); i++) expect(`${i}: ${got[i]}`).toBe(`${i}: ${want[i]}`);
    expect(text).toBe(EXPECTED);
  });
});
