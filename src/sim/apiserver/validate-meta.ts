/** ObjectMeta validation. Mirrors apimachinery pkg/api/validation/objectmeta.go. */
import type { ObjectMeta } from '../model/types';
import { goString, invalid, required, type FieldError } from './field-errors';
import { dns1123LabelErrors } from './name-rules';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function validateObjectMeta(meta: ObjectMeta, nameRule: (name: string) => string[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.name && !meta.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  else if (meta.name) for (const msg of nameRule(meta.name)) errs.push(invalid('metadata.name', goString(meta.name), msg));
  if (meta.namespace !== undefined) {
    for (const msg of dns1123LabelErrors(meta.namespace)) errs.push(invalid('metadata.namespace', goString(meta.namespace), msg));
  }
  errs.push(...validateLabels(meta.labels ?? {}, 'metadata.labels'));
  return errs;
}

/** ValidateLabels: keys are qualified names, values label values (apimachinery pkg/apis/meta/v1/validation). */
export function validateLabels(labels: Record<string, string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyName = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key;
    if (!QUALIFIED_NAME.test(keyName) || keyName.length > 63) {
      errs.push(
        invalid(
          path,
          goString(key),
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        ),
      );
    }
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
      errs.push(
        invalid(
          path,
          goString(value),
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
      );
    }
  }
  return errs;
}
