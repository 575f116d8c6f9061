/**
 * Monaco, set up once: the editor and YAML workers bundled locally (no CDN),
 * monaco-yaml configured with the small Kubernetes schema. Only the lazy
 * editor chunk imports this file.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import { K8S_SCHEMA } from './k8s-schema';

type Api = typeof monaco;

function getWorker(_moduleId: string, label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * monaco-editor 0.55+ dropped the legacy createWebWorker({ moduleId, label,
 * createData }) form that monaco-worker-manager (inside monaco-yaml) calls;
 * without this the YAML worker silently never starts (monaco-yaml#272,
 * monaco-editor#5049). Translate it as monaco's own language packages do:
 * start the worker, post a wake-up message, then the createData.
 */
function withLegacyWorkers(api: Api): Api {
  const createWebWorker = (opts: LegacyWorkerOptions & { worker?: Worker }) => {
    if (opts.worker) return api.editor.createWebWorker(opts as Parameters<Api['editor']['createWebWorker']>[0]);
    const worker = getWorker(opts.moduleId ?? '', opts.label ?? 'editorWorkerService');
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return api.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  return { ...api, editor: { ...api.editor, createWebWorker } } as Api;
}

let ready = false;

export function setUpMonaco(): Api {
  if (ready) return monaco;
  ready = true;
  self.MonacoEnvironment = { getWorker };
  configureMonacoYaml(withLegacyWorkers(monaco), {
    enableSchemaRequest: false,
    validate: true,
    hover: true,
    completion: true,
    isKubernetes: true,
    schemas: [K8S_SCHEMA as unknown as { uri: string; fileMatch: string[]; schema: object }],
  });
  defineThemes(monaco);
  return monaco;
}

/** Monaco's theme for the app's: vs and vs-dark on the app's own surfaces. */
export function monacoTheme(theme: 'light' | 'dark'): string {
  return theme === 'dark' ? 'k8s-dark' : 'k8s-light';
}

function defineThemes(api: Api): void {
  // vs paints YAML keys ("type") #008080: under the selection tints (amber, blue) that is
  // under 4.5:1; a darker teal keeps AA there. Dark: vs-dark on the panel's colour.
  api.editor.defineTheme('k8s-light', { base: 'vs', inherit: true, rules: [{ token: 'type', foreground: '00666b' }], colors: {} });
  api.editor.defineTheme('k8s-dark', { base: 'vs-dark', inherit: true, rules: [], colors: { 'editor.background': '#161a22', 'editorGutter.background': '#161a22' } });
}
