/** Label selectors, as apimachinery's labels package matches them. */
import { hasOwn, own } from './own';
import type { LabelSelector, Labels } from './types';

/** A Service's selector: every key must be present with the same value. */
export function matchesLabels(selector: Labels, labels: Labels | undefined): boolean {
  for (const key of Object.keys(selector)) {
    if (own(labels, key) !== selector[key]) return false;
  }
  return true;
}

/** A workload's selector (matchLabels and matchExpressions). An empty selector matches everything. */
export function matchesSelector(selector: LabelSelector, labels: Labels | undefined): boolean {
  if (selector.matchLabels && !matchesLabels(selector.matchLabels, labels)) return false;
  for (const expr of selector.matchExpressions ?? []) {
    const has = hasOwn(labels, expr.key);
    const value = own(labels, expr.key);
    switch (expr.operator) {
      case 'In':
        if (!has || !expr.values?.includes(value!)) return false;
        break;
      case 'NotIn':
        if (has && expr.values?.includes(value!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** "app=web,tier=front", keys sorted, as kubectl prints a selector. */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}
