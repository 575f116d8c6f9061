// nft 1.0.6 printing details: prio2str (nftables src/rule.c std_prios, reach 10),
// time_print (src/datatype.c), calculate_delim (src/expression.c: ipv4_addr sets two per line),
// and 1.0.6's mergesort of concatenations (src/mergesort.c concat_expr_msort_value, imported
// BYTEORDER_HOST_ENDIAN) checked against a real kube-proxy `nft -a list table` dump's order.
import { describe, expect, it } from 'vitest';
import { formatNftTime, formatPriority } from './format';
import { compareElements, printNftTable } from './print';

describe('nft 1.0.6 formatting', () => {
  it('names priorities near a standard one, only on hooks where the name is valid', () => {
    expect(formatPriority('prerouting', -110)).toBe('dstnat - 10');
    expect(formatPriority('prerouting', -100)).toBe('dstnat');
    expect(formatPriority('input', -110)).toBe('-110');
    expect(formatPriority('output', -100)).toBe('-100');
    expect(formatPriority('output', -90)).toBe('-90');
    expect(formatPriority('postrouting', 100)).toBe('srcnat');
    expect(formatPriority('forward', 0)).toBe('filter');
  });
  it('prints times like time_print', () => {
    expect([formatNftTime(10800), formatNftTime(86400 + 3661), formatNftTime(59.996)]).toEqual(['3h', '1d1h1m1s', '59s996ms']);
  });
  it('sorts concatenated keys by their bytes read little-endian (port low byte first)', () => {
    // Order of service-ips in a real kube-proxy dump listed by nft 1.0.x.
    const real = ['10.255.0.10 . tcp . 53', '10.255.0.10 . udp . 53', '10.255.36.158 . tcp . 8000', '10.128.0.16 . tcp . 80',
      '10.128.0.25 . tcp . 80', '10.255.8.50 . tcp . 80', '10.255.10.67 . tcp . 80', '10.255.0.1 . tcp . 443',
      '10.128.0.16 . tcp . 443', '10.255.10.67 . tcp . 443', '10.255.233.197 . tcp . 443', '10.255.0.10 . tcp . 9153'];
    const els = real.map((k) => ({ key: k.split(' . ') }));
    expect([...els].reverse().sort(compareElements).map((e) => e.key.join(' . '))).toEqual(real);
  });
  it('prints plain address sets two per line, maps one per line', () => {
    const text = printNftTable({ family: 'ip', name: 't', sets: [
      { name: 's', kind: 'set', type: 'ipv4_addr', elements: ['10.0.0.3', '10.0.0.1', '10.0.0.2'].map((ip) => ({ key: [ip] })) },
      { name: 'm', kind: 'map', type: 'inet_proto . inet_service : verdict', elements: [{ key: ['tcp', '30001'], value: { kind: 'drop' } }, { key: ['udp', '30001'], value: { kind: 'accept' } }] },
    ], chains: [] });
    expect(text).toBe('table ip t {\n\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 10.0.0.1, 10.0.0.2,\n\t\t\t     10.0.0.3 }\n\t}\n\n' +
      '\tmap m {\n\t\ttype inet_proto . inet_service : verdict\n\t\telements = { tcp . 30001 : drop,\n\t\t\t     udp . 30001 : accept }\n\t}\n}\n');
  });
});
