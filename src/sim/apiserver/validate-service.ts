/**
 * Service validation, the common causes a learner meets.
 * Mirrors k/k pkg/apis/core/validation/validation.go (ValidateService, validateServicePort).
 */
import { isIPv4, isIPv6 } from '../net/ip';
import type { Service } from '../model/types';
import {
  duplicate,
  forbidden,
  goInt,
  goString,
  invalid,
  notSupported,
  required,
  type FieldError,
} from './field-errors';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, isValidPortNum, PORT_RANGE_DETAIL, portNameErrors } from './name-rules';
import { validateLabels, validateObjectMeta } from './validate-meta';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_AFFINITY_SECONDS = 86400;

/** apiservice.ExternallyAccessible (k/k pkg/api/service/util.go). */
function externallyAccessible(svc: Service): boolean {
  const t = svc.spec.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0);
}

/**
 * The checks run, and report, in ValidateService's order: meta, ports
 * required, type-specific rules, each port, selector, session affinity,
 * type, then the whole-list checks (nodePort on ClusterIP, duplicates),
 * then the traffic policies. (The old "may not expose port 10250" rule for
 * LoadBalancer was removed upstream in v1.33, k/k PR 129174.)
 */
export function validateService(svc: Service): FieldError[] {
  const errs: FieldError[] = validateObjectMeta(svc.metadata, dns1035LabelErrors);
  const spec = svc.spec;
  const headless = spec.clusterIP === 'None';
  if (spec.ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));

  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && headless) {
    errs.push(invalid('spec.clusterIPs[0]', goString('None'), `may not be set to 'None' for ${spec.type} services`));
  }
  if (spec.type === 'ExternalName') {
    if (spec.clusterIP) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (!cname) errs.push(required('spec.externalName'));
    else for (const msg of dns1123SubdomainErrors(cname)) errs.push(invalid('spec.externalName', goString(cname), msg));
  }

  const names = new Set<string>();
  spec.ports.forEach((port, i) => {
    const path = `spec.ports[${i}]`;
    if (spec.ports.length > 1 && !port.name) errs.push(required(`${path}.name`));
    else if (port.name) {
      for (const msg of dns1123LabelErrors(port.name)) errs.push(invalid(`${path}.name`, goString(port.name), msg));
      if (names.has(port.name)) errs.push(duplicate(`${path}.name`, goString(port.name)));
      names.add(port.name);
    }
    if (!isValidPortNum(port.port)) errs.push(invalid(`${path}.port`, goInt(port.port), PORT_RANGE_DETAIL));
    if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(`${path}.protocol`, goString(port.protocol), PROTOCOLS));
    errs.push(...targetPortErrors(port.targetPort, `${path}.targetPort`));
  });

  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  if (spec.sessionAffinity !== 'None' && spec.sessionAffinity !== 'ClientIP') {
    errs.push(notSupported('spec.sessionAffinity', goString(spec.sessionAffinity), ['ClientIP', 'None']));
  }
  const timeout = spec.sessionAffinityConfig?.clientIP.timeoutSeconds;
  if (spec.sessionAffinity === 'ClientIP' && timeout !== undefined && !(timeout > 0 && timeout <= MAX_AFFINITY_SECONDS)) {
    errs.push(
      invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', goInt(timeout), `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`),
    );
  }

  if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported('spec.type', goString(spec.type), SERVICE_TYPES));
  if (spec.type === 'ClusterIP') {
    spec.ports.forEach((port, i) => {
      if (port.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const seenNodePorts = new Set<string>();
  spec.ports.forEach((port, i) => {
    if (!port.nodePort) return;
    const key = `${port.protocol}/${port.nodePort}`;
    if (seenNodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, goInt(port.nodePort)));
    seenNodePorts.add(key);
  });
  const seenPorts = new Set<string>();
  spec.ports.forEach((port, i) => {
    const key = `${port.protocol}/${port.port}`;
    if (seenPorts.has(key)) errs.push(duplicate(`spec.ports[${i}]`, { kind: 'raw', v: `core.ServicePort{Name:"", Protocol:"${port.protocol}", AppProtocol:(*string)(nil), Port:${port.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}` }));
    seenPorts.add(key);
  });

  // validateServiceExternalTrafficPolicy
  if (!externallyAccessible(svc)) {
    if (spec.externalTrafficPolicy !== undefined) {
      errs.push(invalid('spec.externalTrafficPolicy', goString(spec.externalTrafficPolicy), 'may only be set for externally-accessible services'));
    }
  } else if (spec.externalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported('spec.externalTrafficPolicy', goString(spec.externalTrafficPolicy), ['Cluster', 'Local']));
  }
  const needsHealthCheck = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
  if (!needsHealthCheck && spec.healthCheckNodePort) {
    errs.push(
      invalid('spec.healthCheckNodePort', goInt(spec.healthCheckNodePort), "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"),
    );
  }
  if (spec.internalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported('spec.internalTrafficPolicy', goString(spec.internalTrafficPolicy), ['Cluster', 'Local']));
  }
  // validateServiceClusterIPsRelatedFields: each clusterIP but a first 'None' must parse as an IP
  // (apimachinery pkg/util/validation/ip.go IsValidIPForLegacyField; StrictIPCIDRValidation is alpha
  // and off in v1.33, so leading zeros still pass, as netutils.ParseIPSloppy takes them).
  const clusterIPs = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  if (spec.type !== 'ExternalName') {
    clusterIPs.forEach((ip, i) => {
      if (i === 0 && ip === 'None') return;
      if (!isIPv4(ip) && !isIPv6(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, goString(ip), INVALID_IP_DETAIL));
    });
  }
  return errs;
}

export const INVALID_IP_DETAIL = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** ValidatePortNumOrName. */
export function targetPortErrors(target: number | string, path: string): FieldError[] {
  if (typeof target === 'number') return isValidPortNum(target) ? [] : [invalid(path, goInt(target), PORT_RANGE_DETAIL)];
  return portNameErrors(target).map((msg) => invalid(path, goString(target), msg));
}
