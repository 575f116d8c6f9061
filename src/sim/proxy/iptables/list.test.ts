import { describe, expect, it } from 'vitest';
import { printIptablesList, printIptablesRules } from './list';
import { TableBuilder } from './rules';

// Expected text follows iptables 1.8.9: iptables/xshared.c print_header (column heads
// "%-9s " target, " prot ", "opt", " %-6s "/"%-6s " in/out with -v, " %-19s " source and
// destination) and print_rule_details / print_ipv4_addresses ('!' or ' ' before each
// "%-19s " address); the match and target texts from extensions/libxt_comment.c
// (" /* %s */"), libxt_tcp.c (" tcp dpt:%s"), libxt_addrtype.c (" ADDRTYPE match dst-type"),
// libxt_mark.c (" mark match ! 0x%x/0x%x"), libxt_conntrack.c (" ctstate"),
// libxt_MARK.c mark_tg_print (" MARK or 0x%x"), libxt_DNAT.c (" to:"), libxt_statistic.c.
const nat = new TableBuilder('nat')
  .chain('KUBE-SERVICES')
  .chain('KUBE-SVC-X')
  .chain('KUBE-SEP-A')
  .chain('KUBE-MARK-MASQ')
  .append('PREROUTING', [{ kind: 'comment', text: 'kubernetes service portals' }], { kind: 'jump', chain: 'KUBE-SERVICES' })
  .append('OUTPUT', [{ kind: 'comment', text: 'kubernetes service portals' }], { kind: 'jump', chain: 'KUBE-SERVICES' })
  .append('KUBE-SERVICES', [{ kind: 'dst', cidr: '10.96.0.1' }, { kind: 'proto', proto: 'tcp' }, { kind: 'comment', text: 'default/kubernetes:https cluster IP' }, { kind: 'l4', proto: 'tcp', dport: 443 }], { kind: 'jump', chain: 'KUBE-SVC-X' })
  .append('KUBE-SVC-X', [{ kind: 'src', cidr: '10.244.0.0/16', invert: true }, { kind: 'dst', cidr: '10.96.0.1' }, { kind: 'proto', proto: 'tcp' }, { kind: 'l4', proto: 'tcp', dport: 443 }], { kind: 'jump', chain: 'KUBE-MARK-MASQ' })
  .append('KUBE-SVC-X', [{ kind: 'statistic', probability: 0.5 }], { kind: 'jump', chain: 'KUBE-SEP-A' })
  .append('KUBE-SEP-A', [{ kind: 'proto', proto: 'tcp' }, { kind: 'l4', proto: 'tcp' }], { kind: 'DNAT', to: '172.18.0.2:6443' })
  .append('KUBE-MARK-MASQ', [], { kind: 'MARK', value: 0x4000, mask: 0x4000 })
  .build();

const HEAD = 'target     prot opt source               destination         \n';

describe('iptables -L', () => {
  it('prints a user chain with its references, -n addresses and the matches after them', () => {
    expect(printIptablesList(nat, { chain: 'KUBE-SERVICES', numeric: true, verbose: false, lineNumbers: false })).toBe(
      'Chain KUBE-SERVICES (2 references)\n' +
        HEAD +
        'KUBE-SVC-X  tcp  --  0.0.0.0/0            10.96.0.1            /* default/kubernetes:https cluster IP */ tcp dpt:443\n',
    );
  });

  it("without -n: 'anywhere' and /etc/services port names", () => {
    expect(printIptablesList(nat, { chain: 'KUBE-SERVICES', numeric: false, verbose: false, lineNumbers: false })).toContain(
      'KUBE-SVC-X  tcp  --  anywhere             10.96.0.1            /* default/kubernetes:https cluster IP */ tcp dpt:https\n',
    );
  });

  it('puts ! in the column before an inverted address; statistic, DNAT and MARK print their own words', () => {
    const text = printIptablesList(nat, { numeric: true, verbose: false, lineNumbers: false });
    expect(text).toContain('KUBE-MARK-MASQ  tcp  -- !10.244.0.0/16        10.96.0.1            tcp dpt:443\n');
    expect(text).toContain('KUBE-SEP-A  all  --  0.0.0.0/0            0.0.0.0/0            statistic mode random probability 0.50000000000\n');
    expect(text).toContain('DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp to:172.18.0.2:6443\n');
    expect(text).toContain('MARK       all  --  0.0.0.0/0            0.0.0.0/0            MARK or 0x4000\n');
  });

  it('lists built-ins first with their policy, user chains sorted, a blank line between chains', () => {
    const text = printIptablesList(nat, { numeric: true, verbose: false, lineNumbers: false });
    const heads = text.split('\n').filter((l) => l.startsWith('Chain '));
    expect(heads).toEqual([
      'Chain PREROUTING (policy ACCEPT)',
      'Chain INPUT (policy ACCEPT)',
      'Chain OUTPUT (policy ACCEPT)',
      'Chain POSTROUTING (policy ACCEPT)',
      'Chain KUBE-MARK-MASQ (1 references)',
      'Chain KUBE-SEP-A (1 references)',
      'Chain KUBE-SERVICES (2 references)',
      'Chain KUBE-SVC-X (1 references)',
    ]);
    expect(text).toContain(`Chain INPUT (policy ACCEPT)\n${HEAD}\nChain OUTPUT`);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('-v adds counters and the in/out columns; --line-numbers the num column', () => {
    expect(printIptablesList(nat, { chain: 'PREROUTING', numeric: true, verbose: true, lineNumbers: true })).toBe(
      'Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)\n' +
        'num   pkts bytes target     prot opt in     out     source               destination         \n' +
        '1        0     0 KUBE-SERVICES  all  --  *      *       0.0.0.0/0            0.0.0.0/0            /* kubernetes service portals */\n',
    );
  });
});

describe('iptables -S', () => {
  it('prints -P for built-ins, -N for user chains, then the rules as iptables-save does', () => {
    expect(printIptablesRules(nat, 'KUBE-SEP-A')).toBe('-N KUBE-SEP-A\n-A KUBE-SEP-A -p tcp -m tcp -j DNAT --to-destination 172.18.0.2:6443\n');
    expect(printIptablesRules(nat).split('\n').slice(0, 5)).toEqual(['-P PREROUTING ACCEPT', '-P INPUT ACCEPT', '-P OUTPUT ACCEPT', '-P POSTROUTING ACCEPT', '-N KUBE-MARK-MASQ']);
  });
});
