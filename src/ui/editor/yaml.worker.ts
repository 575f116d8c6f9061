// monaco-yaml's language worker, wrapped in a file of our own so Vite bundles it as a worker entry.
import 'monaco-yaml/yaml.worker.js';
