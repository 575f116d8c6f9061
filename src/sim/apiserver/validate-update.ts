/**
 * What an update may not change. A Deployment's spec.selector is immutable in apps/v1
 * (k/k pkg/registry/apps/deployment/strategy.go ValidateUpdate: ValidateImmutableField for
 * every group version but the removed apps/v1beta1 and extensions/v1beta1), reported as
 * apimachinery's field.Invalid with "field is immutable" and Go's %#v of the new selector.
 */
import { canonicalJson } from '../controllers/hash';
import type { KubeObject, LabelSelector } from '../model/types';
import { goQuote, invalid, type FieldError } from './field-errors';

export const FIELD_IMMUTABLE = 'field is immutable';

/** Go's %#v of a metav1.LabelSelector. */
export function goLabelSelector(sel: LabelSelector): string {
  const labels = sel.matchLabels;
  const ml = labels ? `map[string]string{${Object.keys(labels).sort().map((k) => `${goQuote(k)}:${goQuote(labels[k]!)}`).join(', ')}}` : 'map[string]string(nil)';
  const exprs = sel.matchExpressions;
  const strings = (v: string[] | undefined) => (v ? `[]string{${v.map(goQuote).join(', ')}}` : '[]string(nil)');
  const me = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs.map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${strings(e.values)}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

/** The errors an update of `existing` to `next` gets beyond the object's own validation. */
export function validateUpdate(existing: KubeObject | undefined, next: KubeObject): FieldError[] {
  if (existing?.kind === 'Deployment' && next.kind === 'Deployment' && canonicalJson(existing.spec.selector) !== canonicalJson(next.spec.selector)) {
    return [invalid('spec.selector', { kind: 'raw', v: goLabelSelector(next.spec.selector) }, FIELD_IMMUTABLE)];
  }
  return [];
}
