import { describe, expect, it } from 'vitest';
import { formatProbability, formatRule, kernelProbability, saveAddress, saveString } from './format-rule';
import { probabilityFor } from './render-service';

describe('saveString (iptables libxtables xtables_save_string)', () => {
  it('leaves [A-Za-z0-9_-] bare', () => expect(saveString('ns1-svc_1')).toBe('ns1-svc_1'));
  it('quotes anything else', () => expect(saveString('ns1/svc1:p80')).toBe('"ns1/svc1:p80"'));
  it('escapes quotes and backslashes', () => expect(saveString(`a"b\\c'd`)).toBe(`"a\\"b\\\\c\\'d"`));
});

describe('saveAddress', () => {
  it('adds /32 to a host', () => expect(saveAddress('10.180.0.1')).toBe('10.180.0.1/32'));
  it('keeps a prefix', () => expect(saveAddress('203.0.113.0/25')).toBe('203.0.113.0/25'));
  it('trims the whitespace upstream tolerates in source ranges', () => expect(saveAddress(' 203.0.113.0/25')).toBe('203.0.113.0/25'));
});

// kube-proxy writes "%0.10f" (pkg/proxy/iptables/proxier.go computeProbability); the kernel keeps
// lround(p * 2^31) and libxt_statistic prints "%.11f" of that. Values from real kind iptables-save output.
describe('statistic probability as iptables-save prints it', () => {
  it('1/3 -> 0.33333333349', () => expect(formatProbability(probabilityFor(3))).toBe('0.33333333349'));
  it('1/2 -> 0.50000000000', () => expect(formatProbability(probabilityFor(2))).toBe('0.50000000000'));
  it('1/4 -> 0.25000000000', () => expect(formatProbability(probabilityFor(4))).toBe('0.25000000000'));
  it('1/10 -> 0.10000000009', () => expect(formatProbability(probabilityFor(10))).toBe('0.10000000009'));
  it('kube-proxy string is 10 places', () => expect(probabilityFor(3)).toBe(0.3333333333));
  it('the kernel probability is the 31-bit value', () => expect(kernelProbability(0.5)).toBe(0.5));
});

// Lines copied from real `iptables-save` output on kind nodes.
describe('formatRule canonical order', () => {
  it('clusterIP masquerade rule: ! -s, -d, -p, then modules in written order', () => {
    expect(
      formatRule({
        chain: 'KUBE-SVC-L65ENXXZWWSAPRCR',
        matches: [
          { kind: 'comment', text: 'default/my-nginx cluster IP' },
          { kind: 'l4', proto: 'tcp', dport: 80 },
          { kind: 'proto', proto: 'tcp' },
          { kind: 'dst', cidr: '10.96.86.215' },
          { kind: 'src', cidr: '10.244.0.0/16', invert: true },
        ],
        target: { kind: 'jump', chain: 'KUBE-MARK-MASQ' },
      }),
    ).toBe(
      '-A KUBE-SVC-L65ENXXZWWSAPRCR ! -s 10.244.0.0/16 -d 10.96.86.215/32 -p tcp -m comment --comment "default/my-nginx cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
    );
  });
  it('affinity rules', () => {
    expect(
      formatRule({
        chain: 'KUBE-SEP-HDMJEKA4BFKBU6OK',
        matches: [
          { kind: 'comment', text: 'default/k8s-nginx-affinity:' },
          { kind: 'recent', op: 'set', name: 'KUBE-SEP-HDMJEKA4BFKBU6OK' },
          { kind: 'l4', proto: 'tcp' },
          { kind: 'proto', proto: 'tcp' },
        ],
        target: { kind: 'DNAT', to: '10.244.0.145:80' },
      }),
    ).toBe(
      '-A KUBE-SEP-HDMJEKA4BFKBU6OK -p tcp -m comment --comment "default/k8s-nginx-affinity:" -m recent --set --name KUBE-SEP-HDMJEKA4BFKBU6OK --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.0.145:80',
    );
    expect(
      formatRule({
        chain: 'KUBE-SVC-NPX46M4PTMTKRN6Y',
        matches: [
          { kind: 'comment', text: 'default/kubernetes:https' },
          { kind: 'recent', op: 'rcheck', name: 'KUBE-SEP-3X2QJUW2ZWG6VVDC', seconds: 10800, reap: true },
        ],
        target: { kind: 'jump', chain: 'KUBE-SEP-3X2QJUW2ZWG6VVDC' },
      }),
    ).toBe(
      '-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-3X2QJUW2ZWG6VVDC --mask 255.255.255.255 --rsource -j KUBE-SEP-3X2QJUW2ZWG6VVDC',
    );
  });
  it('nfacct keeps its double space; REJECT names its icmp type; a rule may lack a target', () => {
    expect(formatRule({ chain: 'KUBE-FORWARD', matches: [{ kind: 'conntrack', states: ['INVALID'] }, { kind: 'nfacct', name: 'ct_state_invalid_dropped_pkts' }], target: { kind: 'DROP' } })).toBe(
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP',
    );
    expect(formatRule({ chain: 'KUBE-SERVICES', matches: [], target: { kind: 'REJECT' } })).toBe(
      '-A KUBE-SERVICES -j REJECT --reject-with icmp-port-unreachable',
    );
    expect(formatRule({ chain: 'KUBE-FW-X', matches: [{ kind: 'comment', text: 'other traffic' }] })).toBe('-A KUBE-FW-X -m comment --comment "other traffic"');
  });
  it('MARK --or-mark / --xor-mark are saved as --set-xmark', () => {
    expect(formatRule({ chain: 'KUBE-MARK-MASQ', matches: [], target: { kind: 'MARK', value: 0x4000, mask: 0x4000 } })).toBe('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000');
    expect(formatRule({ chain: 'KUBE-POSTROUTING', matches: [], target: { kind: 'MARK', value: 0x4000, mask: 0 } })).toBe('-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0');
  });
});
