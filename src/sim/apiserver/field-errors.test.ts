import { describe, expect, it } from 'vitest';
import {
  duplicate,
  forbidden,
  formatFieldError,
  formatInvalid,
  goInt,
  goQuote,
  goString,
  invalid,
  notSupported,
  required,
} from './field-errors';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, isValidPortNum, portNameErrors } from './name-rules';

// Message shapes from apimachinery pkg/util/validation/field/errors.go (Error, ErrorBody, NotSupported).
describe('formatFieldError (field.Error.Error)', () => {
  it('Invalid prints "<field>: Invalid value: <value>: <detail>", strings with %q, numbers bare', () => {
    expect(formatFieldError(invalid('spec.ports[0].port', goInt(99999), 'must be between 1 and 65535, inclusive'))).toBe(
      'spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive',
    );
    expect(formatFieldError(invalid('metadata.name', goString('Web'), 'bad'))).toBe('metadata.name: Invalid value: "Web": bad');
  });

  it('Required and Forbidden print no value; an empty detail adds nothing', () => {
    expect(formatFieldError(required('spec.ports'))).toBe('spec.ports: Required value');
    expect(formatFieldError(forbidden('spec.ports[0].nodePort', "may not be used when `type` is 'ClusterIP'"))).toBe(
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    );
  });

  it('Duplicate prints the value without a detail', () => {
    expect(formatFieldError(duplicate('spec.ports[1].name', goString('http')))).toBe('spec.ports[1].name: Duplicate value: "http"');
  });

  it('NotSupported lists allowed values quoted and sorted', () => {
    // k/k validation.go passes sets.List(supportedServiceType), which is sorted
    expect(formatFieldError(notSupported('spec.type', goString('Foo'), ['NodePort', 'ClusterIP', 'LoadBalancer', 'ExternalName']))).toBe(
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
  });

  it('[]string values print as a Go literal (%#v)', () => {
    expect(formatFieldError(invalid('spec.clusterIPs', { kind: 'stringSlice', v: ['10.96.0.10'] }, 'x'))).toBe(
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: x',
    );
  });

  it('goQuote escapes like %q', () => {
    expect(goQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });
});

// kubectl staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go: checkErr / MultilineError / statusCausesToAggrError
describe('formatInvalid (kubectl checkErr for a 422)', () => {
  it('one cause: a single line', () => {
    expect(formatInvalid('Service', 'web', [required('spec.ports')])).toBe('The Service "web" is invalid: spec.ports: Required value');
  });

  it('several causes: the header then one "* " line each', () => {
    const msg = formatInvalid('Service', 'web', [required('spec.ports[0].name'), required('spec.ports[1].name')]);
    expect(msg).toBe('The Service "web" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value');
  });

  it('identical causes are printed once (and then as a single line)', () => {
    const e = invalid('metadata.labels', goString('-x'), 'bad');
    expect(formatInvalid('Pod', 'p', [e, { ...e }])).toBe('The Pod "p" is invalid: metadata.labels: Invalid value: "-x": bad');
  });
});

// apimachinery pkg/util/validation/validation.go
describe('name rules', () => {
  it('DNS-1035 label: must start with a letter', () => {
    expect(dns1035LabelErrors('web-1')).toEqual([]);
    expect(dns1035LabelErrors('1web')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(dns1035LabelErrors('a'.repeat(64))[0]).toBe('must be no more than 63 characters');
    expect(dns1035LabelErrors('a'.repeat(63))).toEqual([]);
  });

  it('DNS-1123 label allows a leading digit but not upper case or dots', () => {
    expect(dns1123LabelErrors('123-abc')).toEqual([]);
    expect(dns1123LabelErrors('Web')).toHaveLength(1);
    expect(dns1123LabelErrors('a.b')).toHaveLength(1);
  });

  it('DNS-1123 subdomain allows dots, at most 253 characters', () => {
    expect(dns1123SubdomainErrors('db.example.com')).toEqual([]);
    expect(dns1123SubdomainErrors('db..example')).toHaveLength(1);
    expect(dns1123SubdomainErrors(`${'a'.repeat(63)}.`.repeat(4).slice(0, 254))).toContain('must be no more than 253 characters');
  });

  it('IsValidPortNum is 1..65535', () => {
    expect([0, 1, 65535, 65536, 80.5].map(isValidPortNum)).toEqual([false, true, true, false, false]);
  });

  it('IsValidPortName reports in upstream order: length, charset, letter, "--", hyphen ends', () => {
    expect(portNameErrors('http')).toEqual([]);
    expect(portNameErrors('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(portNameErrors('-a--b-')).toEqual(['must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
    expect(portNameErrors('HTTP_1')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
    expect(portNameErrors('abcdefghijklmnop')).toEqual(['must be no more than 15 characters']);
  });
});
