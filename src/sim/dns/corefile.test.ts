import { describe, expect, it } from 'vitest';
import { corefileDigest, lex, parseCorefile, serverBlocksJson } from './corefile';
import { setupCorefile, goDuration } from './corefile-config';
import { corefile } from '../scenario/system-configmaps';

// kubeadm's Corefile before the cache block (k/k cmd/kubeadm/app/phases/addons/dns/manifests.go, v1.25-v1.32).
const KUBEADM_OLD = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

describe('Corefile parsing (coredns/caddy caddyfile)', () => {
  it('digests the server blocks as plugin/reload does: SHA-512 of their JSON', () => {
    // The digest every kubeadm cluster with that Corefile logs at start, CoreDNS 1.9.3 to 1.13.1
    // ("[INFO] plugin/reload: Running configuration SHA512 = 591cf328...", in many published logs).
    expect(corefileDigest(KUBEADM_OLD)).toEqual({
      digest: '591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
    });
  });

  it('ignores comments and layout: only the tokens and their lines count', () => {
    const a = corefileDigest('.:53 {\n    log\n}\n');
    const b = corefileDigest('.:53 {\n  log   # every query\n}');
    expect(a).toEqual(b);
    expect(corefileDigest('.:53 {\n\n    log\n}\n')).not.toEqual(a);
  });

  it('keeps quoted words whole (lexer.go) and sorts directives in the JSON (Go maps)', () => {
    expect(lex('a "b c" d').map((t) => t.text)).toEqual(['a', 'b c', 'd']);
    expect(serverBlocksJson(parseCorefile('.:53 {\n  whoami\n  log\n}'))).toBe(
      '[{"Keys":[".:53"],"Tokens":{"log":[{"File":"","Line":3,"Text":"log"}],"whoami":[{"File":"","Line":2,"Text":"whoami"}]}}]',
    );
  });

  it("reports Caddy's parse errors with the file and line (dispenser.go Errf, SyntaxErr)", () => {
    expect(corefileDigest('.:53 {\n  health {\n    lameduck 5s\n')).toEqual({ error: '/etc/coredns/Corefile:3 - Error during parsing: Unexpected EOF' });
    expect(corefileDigest('.:53 {\n  log\n')).toEqual({ error: "/etc/coredns/Corefile:2 - Syntax error: Unexpected token 'log', expecting '}'" });
    expect(corefileDigest('.:53 {\n  log\n}\n}\n')).toMatchObject({ digest: expect.any(String) });
  });
});

describe('Corefile setup (plugin setup.go files)', () => {
  it("kind's Corefile: kubernetes for cluster.local and the reverse zones, ttl 30, forward to resolv.conf, no log", () => {
    const c = setupCorefile(corefile('cluster.local'));
    expect(c.log).toBe(false);
    expect(c.kubernetes).toEqual({ zones: ['cluster.local.', 'in-addr.arpa.', 'ip6.arpa.'], ttl: 30, fallthroughReverse: true });
    expect(c.forward).toEqual({ from: '.', to: ['/etc/resolv.conf'] });
    expect(c.cache).toBe(30);
    expect(c.plugins).toEqual(['reload', 'ready', 'health', 'prometheus', 'errors', 'loadbalance', 'cache', 'kubernetes', 'loop', 'forward']);
  });

  it('reads log, inline hosts (with fallthrough), rewrite name rules and forward to an address', () => {
    const c = setupCorefile(`.:53 {
    log
    hosts {
       10.0.0.5 db.internal Other.Internal
       fallthrough
    }
    rewrite name exact web.example.com web.default.svc.cluster.local
    rewrite name suffix .corp.example. .default.svc.cluster.local. answer auto
    kubernetes cluster.local
    forward . 8.8.8.8
}`);
    expect(c.log).toBe(true);
    expect(c.hosts).toEqual({ entries: new Map([['db.internal.', ['10.0.0.5']], ['other.internal.', ['10.0.0.5']]]), ttl: 3600, fallthrough: true });
    expect(c.rewrites).toEqual([
      { match: 'exact', from: 'web.example.com.', to: 'web.default.svc.cluster.local.', answerAuto: false },
      { match: 'suffix', from: '.corp.example.', to: '.default.svc.cluster.local.', answerAuto: true },
    ]);
    expect(c.kubernetes).toEqual({ zones: ['cluster.local.'], ttl: 5, fallthroughReverse: false });
    expect(c.forward).toEqual({ from: '.', to: ['8.8.8.8'] });
  });

  it("fails as CoreDNS does: unknown directive (plugin.cfg), plugin errors (plugin.Error's 'plugin/NAME: ')", () => {
    expect(() => setupCorefile('.:53 {\n    foward . 8.8.8.8\n}')).toThrow("/etc/coredns/Corefile:2 - Error during parsing: Unknown directive 'foward'");
    expect(() => setupCorefile('.:53 {\n    forward . nowhere\n}')).toThrow('plugin/forward: not an IP address or file: "nowhere"');
    expect(() => setupCorefile('.:53 {\n    kubernetes cluster.local {\n      ttl 5000\n    }\n}')).toThrow('plugin/kubernetes: ttl must be in range [0, 3600]: 5000');
    expect(() => setupCorefile('.:53 {\n    forward .\n}')).toThrow("/etc/coredns/Corefile:2 - Error during parsing: Wrong argument count or unexpected line ending after '.'");
    expect(() => setupCorefile('.:53 {\n    reload 1s\n}')).toThrow('plugin/reload: interval value must be greater or equal to 2s');
    // Departure: a regex that could backtrack for minutes in JavaScript (RE2 would not) is refused in the simulator's words.
    expect(() => setupCorefile('.:53 {\n    rewrite name regex (a+)+b x.example.\n}')).toThrow('plugin/rewrite: simulator limit:');
  });

  it("parses Go durations (time.ParseDuration's h, m, s, ms)", () => {
    expect(goDuration('30s')).toBe(30);
    expect(goDuration('1m30s')).toBe(90);
    expect(goDuration('500ms')).toBe(0.5);
    expect(goDuration('ten')).toBeUndefined();
  });
});
