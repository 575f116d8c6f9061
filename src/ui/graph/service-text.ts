/** The lines of a Service card, shared by the card and the layout (which sizes the card from them, so no line is ever cut). */
import type { ServiceView } from '../../sim/view/snapshot';

export function portsText(svc: ServiceView): string {
  const p = svc.ports[0];
  if (!p) return 'no ports';
  const more = svc.ports.length > 1 ? ` (+${svc.ports.length - 1})` : '';
  return `port ${p.port} → ${p.targetPort}${p.nodePort ? ` · nodePort ${p.nodePort}` : ''}${more}`;
}

export function typeText(svc: ServiceView): string {
  if (svc.type === 'ExternalName') return `ExternalName → ${svc.externalName}`;
  if (svc.clusterIP === 'None') return 'headless · ClusterIP None';
  return `${svc.type} ${svc.clusterIP ?? ''}`;
}

/** Endpoint counts: a big Service's snapshot carries some endpoints and the counts of all. */
export function endpointsText(svc: ServiceView): string {
  if (svc.type === 'ExternalName') return 'a DNS CNAME, no endpoints';
  const totals = svc.endpointTotals;
  const ready = totals?.ready ?? svc.endpoints.filter((e) => e.ready).length;
  const terminating = totals?.terminating ?? svc.endpoints.filter((e) => e.terminating).length;
  const notReady = totals?.notReady ?? svc.endpoints.length - ready - terminating;
  return `${ready} ready${notReady > 0 ? ` · ${notReady} not ready` : ''}${terminating ? ` · ${terminating} terminating` : ''}${svc.sessionAffinity === 'ClientIP' ? ' · affinity ClientIP' : ''}`;
}

/** Endpoints no pod stands behind: written by hand (a Service without a selector). */
export function handMadeText(svc: ServiceView): string | null {
  const handMade = [...new Set(svc.endpoints.filter((e) => !e.podName).map((e) => `${e.ip}:${e.port}`))];
  return handMade.length ? `hand-made endpoints: ${handMade.join(', ')}` : null;
}
