/**
 * Pod and Deployment validation, the common causes.
 * Mirrors k/k pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers)
 * and pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec).
 */
import { matchesSelector } from '../model/labels';
import type { Deployment, Pod, PodSpec, Probe, ReplicaSet, StatefulSet } from '../model/types';
import { duplicate, goInt, goString, invalid, notSupported, required, type FieldError } from './field-errors';
import { dns1123LabelErrors, dns1123SubdomainErrors, isValidPortNum, PORT_RANGE_DETAIL, portNameErrors } from './name-rules';
import { validateObjectMeta } from './validate-meta';
import { isIPv4, isIPv6 } from '../net/ip';
import { INVALID_IP_DETAIL } from './validate-service';
import { MAX_DNS_NAMESERVERS, MAX_DNS_SEARCH_LIST_CHARS, MAX_DNS_SEARCH_PATHS } from '../dns/resolv-conf';

const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];

const NEGATIVE = 'must be greater than or equal to 0';
const PROBE_COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/**
 * validateProbe (ValidateNonnegativeField on each count), and for liveness and startup
 * probes a successThreshold of 1 (validateLivenessProbe, validateStartupProbe; 0 defaults to 1).
 */
function validateProbe(probe: Probe | undefined, path: string, mustSucceedOnce: boolean): FieldError[] {
  if (!probe) return [];
  const errs: FieldError[] = [];
  for (const f of PROBE_COUNTS) {
    const v = probe[f];
    if (v !== undefined && v < 0) errs.push(invalid(`${path}.${f}`, goInt(v), NEGATIVE));
  }
  const success = probe.successThreshold || 1;
  if (mustSucceedOnce && success !== 1) errs.push(invalid(`${path}.successThreshold`, goInt(success), 'must be 1'));
  return errs;
}

export function validatePodSpec(spec: PodSpec, base: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.containers.length === 0) errs.push(required(`${base}.containers`));
  const names = new Set<string>();
  spec.containers.forEach((c, i) => {
    const path = `${base}.containers[${i}]`;
    if (!c.name) errs.push(required(`${path}.name`));
    else {
      for (const msg of dns1123LabelErrors(c.name)) errs.push(invalid(`${path}.name`, goString(c.name), msg));
      if (names.has(c.name)) errs.push(duplicate(`${path}.name`, goString(c.name)));
      names.add(c.name);
    }
    if (!c.image) errs.push(required(`${path}.image`));
    const portNames = new Set<string>();
    (c.ports ?? []).forEach((p, j) => {
      const pp = `${path}.ports[${j}]`;
      if (!isValidPortNum(p.containerPort)) errs.push(invalid(`${pp}.containerPort`, goInt(p.containerPort), PORT_RANGE_DETAIL));
      if (p.name) {
        for (const msg of portNameErrors(p.name)) errs.push(invalid(`${pp}.name`, goString(p.name), msg));
        if (portNames.has(p.name)) errs.push(duplicate(`${pp}.name`, goString(p.name)));
        portNames.add(p.name);
      }
      if (!['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, goString(p.protocol), ['SCTP', 'TCP', 'UDP']));
    });
    errs.push(...validateProbe(c.livenessProbe, `${path}.livenessProbe`, true));
    errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`, false));
    errs.push(...validateProbe(c.startupProbe, `${path}.startupProbe`, true));
  });
  if (spec.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(notSupported(`${base}.dnsPolicy`, goString(spec.dnsPolicy), DNS_POLICIES));
  errs.push(...validatePodDnsConfig(spec, `${base}.dnsConfig`));
  if (spec.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(notSupported(`${base}.restartPolicy`, goString(spec.restartPolicy), RESTART_POLICIES));
  }
  if (spec.hostname !== undefined) for (const msg of dns1123LabelErrors(spec.hostname)) errs.push(invalid(`${base}.hostname`, goString(spec.hostname), msg));
  if (spec.subdomain !== undefined) for (const msg of dns1123LabelErrors(spec.subdomain)) errs.push(invalid(`${base}.subdomain`, goString(spec.subdomain), msg));
  return errs;
}

const DNS1123_SUBDOMAIN_UNDERSCORE_FMT = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*';
const DNS1123_SUBDOMAIN_UNDERSCORE = new RegExp(`^${DNS1123_SUBDOMAIN_UNDERSCORE_FMT}$`);

/** apimachinery pkg/util/validation/validation.go IsDNS1123SubdomainWithUnderscore (RelaxedDNSSearchValidation). */
function dns1123SubdomainWithUnderscoreErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN_UNDERSCORE.test(value)) {
    errs.push(`a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN_UNDERSCORE_FMT}')`);
  }
  return errs;
}

/**
 * validatePodDNSConfig (pkg/apis/core/validation/validation.go): dnsPolicy None needs a dnsConfig
 * with a nameserver; at most 3 nameservers, each an IP (IsValidIPForLegacyField); at most 32
 * search paths of 2048 characters with the spaces, each a DNS-1123 subdomain (a trailing dot
 * allowed; RelaxedDNSSearchValidation, on in v1.33, also takes "." alone); every option named.
 */
function validatePodDnsConfig(spec: PodSpec, path: string): FieldError[] {
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!cfg.nameservers?.length) return [required(`${path}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const nameservers = cfg.nameservers ?? [];
  if (nameservers.length > MAX_DNS_NAMESERVERS) {
    errs.push(invalid(`${path}.nameservers`, { kind: 'stringSlice', v: nameservers }, `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`));
  }
  nameservers.forEach((ns, i) => {
    if (!isIPv4(ns) && !isIPv6(ns)) errs.push(invalid(`${path}.nameservers[${i}]`, goString(ns), INVALID_IP_DETAIL));
  });
  const searches = cfg.searches ?? [];
  if (searches.length > MAX_DNS_SEARCH_PATHS) {
    errs.push(invalid(`${path}.searches`, { kind: 'stringSlice', v: searches }, `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`));
  }
  if (searches.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS) {
    errs.push(invalid(`${path}.searches`, { kind: 'stringSlice', v: searches }, `must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`));
  }
  searches.forEach((search, i) => {
    if (search === '.') return;
    const trimmed = search.replace(/\.$/, '');
    for (const msg of dns1123SubdomainWithUnderscoreErrors(trimmed)) errs.push(invalid(`${path}.searches[${i}]`, goString(trimmed), msg));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(`${path}.options[${i}]`, 'Option.Name must not be empty'));
  });
  return errs;
}

export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectMeta(pod.metadata, dns1123SubdomainErrors), ...validatePodSpec(pod.spec, 'spec')];
}

/** ValidateDeploymentSpec, and ValidateReplicaSetSpec (the same checks on the fields they share). */
export function validateDeployment(d: Deployment | ReplicaSet): FieldError[] {
  const errs = validateObjectMeta(d.metadata, dns1123SubdomainErrors);
  if (d.spec.replicas < 0) errs.push(invalid('spec.replicas', goInt(d.spec.replicas), NEGATIVE));
  const sel = d.spec.selector;
  const empty = !sel.matchLabels && !sel.matchExpressions;
  // A missing selector converts to labels.Nothing(), which matches no template either, so both errors show.
  if (empty) errs.push(required('spec.selector'));
  if (empty || !matchesSelector(sel, d.spec.template.metadata.labels)) {
    errs.push(
      invalid('spec.template.metadata.labels', { kind: 'stringMap', v: d.spec.template.metadata.labels ?? {} }, '`selector` does not match template `labels`'),
    );
  }
  if (d.spec.template.spec.restartPolicy && d.spec.template.spec.restartPolicy !== 'Always') {
    errs.push(notSupported('spec.template.spec.restartPolicy', goString(d.spec.template.spec.restartPolicy), ['Always']));
  }
  errs.push(...validatePodSpec(d.spec.template.spec, 'spec.template.spec'));
  return errs;
}

/**
 * ValidateStatefulSetSpec's common causes: the selector and template checks a Deployment has, the
 * podManagementPolicy values, and the template's volumes counted with the claim templates (the
 * controller adds a volume per claim, so a mount may name one).
 */
export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  const claims = (sts.spec.volumeClaimTemplates ?? []).map((c) => String((c.metadata as { name?: unknown } | undefined)?.name ?? ''));
  const volumes = [...(sts.spec.template.spec.volumes ?? []), ...claims.map((name) => ({ name, persistentVolumeClaim: { claimName: name } }))];
  const asDeployment = { ...sts, spec: { ...sts.spec, template: { ...sts.spec.template, spec: { ...sts.spec.template.spec, volumes } } } };
  const errs = validateDeployment(asDeployment as unknown as Deployment);
  if (!['OrderedReady', 'Parallel'].includes(sts.spec.podManagementPolicy)) {
    errs.push(invalid('spec.podManagementPolicy', goString(sts.spec.podManagementPolicy), 'must be \'OrderedReady\' or \'Parallel\''));
  }
  return errs;
}
