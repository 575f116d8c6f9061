/**
 * Pod and Deployment validation, the common causes.
 * Mirrors k/k pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers)
 * and pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec).
 */
import { matchesSelector } from '../model/labels';
import type { Deployment, Pod, PodSpec, Probe } from '../model/types';
import { duplicate, goInt, goString, invalid, notSupported, required, type FieldError } from './field-errors';
import { dns1123LabelErrors, dns1123SubdomainErrors, isValidPortNum, PORT_RANGE_DETAIL, portNameErrors } from './name-rules';
import { validateObjectMeta } from './validate-meta';

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
  if (spec.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(notSupported(`${base}.restartPolicy`, goString(spec.restartPolicy), RESTART_POLICIES));
  }
  if (spec.hostname !== undefined) for (const msg of dns1123LabelErrors(spec.hostname)) errs.push(invalid(`${base}.hostname`, goString(spec.hostname), msg));
  if (spec.subdomain !== undefined) for (const msg of dns1123LabelErrors(spec.subdomain)) errs.push(invalid(`${base}.subdomain`, goString(spec.subdomain), msg));
  return errs;
}

export function validatePod(pod: Pod): FieldError[] {
  return [...validateObjectMeta(pod.metadata, dns1123SubdomainErrors), ...validatePodSpec(pod.spec, 'spec')];
}

export function validateDeployment(d: Deployment): FieldError[] {
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
