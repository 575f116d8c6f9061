// Service validation messages as kubectl prints them after a 422.
// Rules and texts: k/k pkg/apis/core/validation/validation.go (ValidateService, validateServicePort,
// validateServiceExternalTrafficPolicy, validateClientIPAffinityConfig).
import { describe, expect, it } from 'vitest';
import { applyOne, newSim, serviceYaml } from '../test-helpers';

const rejected = (spec: string, name = 'web') => applyOne(newSim(), serviceYaml(name, spec));

describe('metadata.name (ValidateServiceName = DNS-1035 label)', () => {
  it('rejects a name starting with a digit', () => {
    expect(rejected('  ports:\n  - port: 80\n', '1web')).toBe(
      `The Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
  });
});

describe('spec.ports', () => {
  it('is required for a ClusterIP Service', () => {
    expect(rejected('  selector:\n    app: web\n')).toBe('The Service "web" is invalid: spec.ports: Required value');
  });

  it('is optional for a headless Service', () => {
    expect(rejected('  clusterIP: None\n  selector:\n    app: web\n')).toBe('service/web created');
  });

  it('needs a name on every port when there are several', () => {
    expect(rejected('  ports:\n  - port: 80\n  - port: 443\n')).toBe(
      'The Service "web" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value',
    );
  });

  it('rejects duplicate port names', () => {
    expect(rejected('  ports:\n  - name: http\n    port: 80\n  - name: http\n    port: 81\n')).toBe(
      'The Service "web" is invalid: spec.ports[1].name: Duplicate value: "http"',
    );
  });

  it('rejects a port out of 1..65535 (InclusiveRangeError); the defaulted targetPort fails too', () => {
    expect(rejected('  ports:\n  - port: 70000\n')).toBe(
      'The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
  });

  it('rejects an unknown protocol, listing the sorted allowed values', () => {
    expect(rejected('  ports:\n  - port: 80\n    protocol: HTTP\n')).toBe(
      'The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    );
  });

  it('rejects a targetPort that is a numeric string (an IANA_SVC_NAME needs a letter)', () => {
    expect(rejected('  ports:\n  - port: 80\n    targetPort: "8080"\n')).toBe(
      'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
    );
  });

  it('rejects a duplicate (protocol, port) pair with the Go struct printed', () => {
    expect(rejected('  ports:\n  - name: a\n    port: 80\n  - name: b\n    port: 80\n')).toBe(
      'The Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    );
  });

  it('allows the same port number once per protocol (53/UDP and 53/TCP)', () => {
    expect(rejected('  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n  - name: dns-tcp\n    port: 53\n')).toBe('service/web created');
  });
});

describe('spec.type and nodePort', () => {
  it('rejects an unknown type with the sorted list', () => {
    expect(rejected('  type: Foo\n  ports:\n  - port: 80\n')).toBe(
      'The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
  });

  it('forbids nodePort on a ClusterIP Service', () => {
    expect(rejected('  ports:\n  - port: 80\n    nodePort: 30080\n')).toBe(
      "The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });

  it('reports per-port errors before the nodePort and duplicate checks, as upstream orders them', () => {
    const msg = rejected('  ports:\n  - name: a\n    port: 80\n    nodePort: 30080\n  - name: B\n    port: 80\n');
    expect(msg.split('\n').slice(1).map((l) => l.slice(0, l.indexOf(':', l.indexOf(':') + 1)))).toEqual([
      '* spec.ports[1].name: Invalid value',
      '* spec.ports[0].nodePort: Forbidden',
      '* spec.ports[1]: Duplicate value',
    ]);
  });

  it('rejects the same nodePort twice for one protocol', () => {
    expect(rejected('  type: NodePort\n  ports:\n  - name: a\n    port: 80\n    nodePort: 30080\n  - name: b\n    port: 81\n    nodePort: 30080\n')).toBe(
      'The Service "web" is invalid: spec.ports[1].nodePort: Duplicate value: 30080',
    );
  });

  it('rejects clusterIP None for NodePort on spec.clusterIPs[0]', () => {
    expect(rejected('  type: NodePort\n  clusterIP: None\n  ports:\n  - port: 80\n')).toBe(
      `The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    );
  });

  it('accepts a LoadBalancer on port 10250 (the kubelet-port rule was removed, k/k PR 129174, v1.33)', () => {
    expect(rejected('  type: LoadBalancer\n  ports:\n  - port: 10250\n')).toBe('service/web created');
  });
});

describe('ExternalName', () => {
  it('requires spec.externalName', () => {
    expect(rejected('  type: ExternalName\n')).toBe('The Service "web" is invalid: spec.externalName: Required value');
  });

  it('accepts a trailing dot and validates the rest as a DNS-1123 subdomain', () => {
    expect(rejected('  type: ExternalName\n  externalName: db.example.com.\n')).toBe('service/web created');
    expect(rejected('  type: ExternalName\n  externalName: DB_host.\n')).toMatch(/^The Service "web" is invalid: spec.externalName: Invalid value: "DB_host": a lowercase RFC 1123 subdomain/);
  });

  it('forbids a clusterIP', () => {
    expect(rejected('  type: ExternalName\n  externalName: db.example.com\n  clusterIP: 10.96.0.50\n')).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services',
    );
  });
});

describe('session affinity', () => {
  it('rejects a timeout above 86400 (MaxClientIPServiceAffinitySeconds)', () => {
    expect(rejected('  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 86401\n  ports:\n  - port: 80\n')).toBe(
      'The Service "web" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400',
    );
  });

  it('accepts exactly 86400', () => {
    expect(rejected('  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 86400\n  ports:\n  - port: 80\n')).toBe('service/web created');
  });

  it('rejects an unknown affinity', () => {
    expect(rejected('  sessionAffinity: Cookie\n  ports:\n  - port: 80\n')).toBe(
      'The Service "web" is invalid: spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"',
    );
  });
});

describe('traffic policies', () => {
  it('externalTrafficPolicy only on externally-accessible Services', () => {
    expect(rejected('  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n')).toBe(
      'The Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    );
    // ClusterIP with externalIPs is externally accessible (apiservice.ExternallyAccessible)
    expect(rejected('  externalTrafficPolicy: Local\n  externalIPs: ["198.51.100.7"]\n  ports:\n  - port: 80\n')).toBe('service/web created');
  });

  it('healthCheckNodePort only for LoadBalancer with externalTrafficPolicy Local', () => {
    expect(rejected('  type: NodePort\n  healthCheckNodePort: 31000\n  ports:\n  - port: 80\n')).toBe(
      "The Service \"web\" is invalid: spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    );
  });

  it('rejects an unknown internalTrafficPolicy', () => {
    expect(rejected('  internalTrafficPolicy: Node\n  ports:\n  - port: 80\n')).toBe(
      'The Service "web" is invalid: spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"',
    );
  });
});

describe('spec.selector (ValidateLabels)', () => {
  it('rejects a selector value that is not a label value', () => {
    expect(rejected('  selector:\n    app: "-web"\n  ports:\n  - port: 80\n')).toMatch(/^The Service "web" is invalid: spec.selector: Invalid value: "-web": a valid label must be an empty string/);
  });
});

// validateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go) with apimachinery
// pkg/util/validation/ip.go IsValidIPForLegacyField (v1.33: StrictIPCIDRValidation off).
describe('spec.clusterIP', () => {
  it('must be an IP address, reported on spec.clusterIPs[0]', () => {
    expect(rejected('  clusterIP: x\n  ports:\n  - port: 80\n')).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
    expect(rejected('  clusterIP: 10.96.0.256\n  ports:\n  - port: 80\n')).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
  });

  it('a valid address outside the range gets the allocator answer instead', () => {
    expect(rejected('  clusterIP: 10.97.0.10\n  ports:\n  - port: 80\n')).toMatch(/^The Service "web" is invalid: spec.clusterIPs: Invalid value: \[\]string\{"10.97.0.10"\}: failed to allocate IP 10.97.0.10: /);
  });
});
