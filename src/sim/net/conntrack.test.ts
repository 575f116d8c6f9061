// `conntrack -L` lines in the format of conntrack-tools 1.4.7 / libnetfilter_conntrack's
// default output (src/conntrack/snprintf_default.c): "%-8s %u %u" protocol, number, timeout,
// TCP state, the two tuples, [UNREPLIED] / [ASSURED], mark=, use=; the summary on stderr.
import { describe, expect, it } from 'vitest';
import { ConntrackTable, formatConntrackEntry, printConntrackList } from './conntrack';

const syn = { protocol: 'TCP' as const, src: '10.244.1.5', sport: 40000, dst: '10.96.0.50', dport: 80 };

describe('ConntrackTable', () => {
  it('prints a DNATed TCP flow like conntrack -L, with kube-proxy\'s 24h established timeout', () => {
    const t = new ConntrackTable();
    const e = t.record(syn, { translated: { ...syn, dst: '10.244.2.7', dport: 9376 }, now: 10 });
    expect(formatConntrackEntry(e, 11)).toBe(
      'tcp      6 86399 ESTABLISHED src=10.244.1.5 dst=10.96.0.50 sport=40000 dport=80 src=10.244.2.7 dst=10.244.1.5 sport=9376 dport=40000 [ASSURED] mark=0 use=1');
  });
  it('prints UDP without state, [UNREPLIED] before an unseen reply, and the summary on stderr', () => {
    const t = new ConntrackTable();
    const q = { protocol: 'UDP' as const, src: '10.244.1.5', sport: 51000, dst: '10.96.0.10', dport: 53 };
    t.record(q, { translated: { ...q, dst: '10.244.0.3' }, now: 0, replied: false });
    expect(printConntrackList(t, 1)).toEqual({
      stdout: 'udp      17 29 src=10.244.1.5 dst=10.96.0.10 sport=51000 dport=53 [UNREPLIED] src=10.244.0.3 dst=10.244.1.5 sport=53 dport=51000 mark=0 use=1\n',
      stderr: 'conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n',
    });
  });
  it('finds a flow by either direction, and forgets it when it expires', () => {
    const t = new ConntrackTable();
    t.record(syn, { translated: { ...syn, src: '172.18.0.3', dst: '10.244.2.7', dport: 9376 }, now: 0, state: 'TIME_WAIT' });
    expect(t.lookup(syn, 5)?.reply.dst).toBe('172.18.0.3');
    expect(t.lookup({ protocol: 'TCP', src: '10.244.2.7', sport: 9376, dst: '172.18.0.3', dport: 40000 }, 5)?.orig).toEqual(syn);
    expect(t.lookup(syn, 120)).toBeUndefined();
    expect(t.entries(120)).toEqual([]);
  });
});
