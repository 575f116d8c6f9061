/**
 * The lesson format: one YAML file per lesson (lessons/*.yaml). This schema is
 * the single source of the lesson types; the app's build, the tests and the
 * app itself (a teacher's file) check a lesson against it.
 */
import { z } from 'zod';

/**
 * The schemas are built on first use, not at import: zod builds a schema slowly,
 * and the worker's start (which imports this file) is on the UI's first paint.
 */
function leafSchemas() {
  const name = z.string().min(1).max(253);
  const labels = z.record(z.string().max(317), z.string().max(63));

  const countSchema = z.union([
    z.number().int().min(0),
    z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
  ]);

  const request = z.strictObject({
    /** A pod name ("client", "NS/NAME") or "workstation". */
    from: z.string().min(1).max(300),
    url: z.string().min(1).max(2048),
  });

  const opSchema = z.union([
    z.strictObject({ run: z.string().min(1).max(4096) }),
    z.strictObject({ request }),
    z.strictObject({ send: request.extend({ count: z.number().int().min(1).max(10_000) }) }),
    z.strictObject({ advance: z.number().min(0).max(86_400) }),
    z.strictObject({ edit: z.string().max(256 * 1024) }),
  ]);

  const servedBy = z.strictObject({
    /** The answering pod carries these labels. */
    selector: labels.optional(),
    /** The answering pod is this one (its name). */
    pod: name.optional(),
    /** The answering pod was created after the step began. */
    newPod: z.boolean().optional(),
  });

  const requestGoal = z.strictObject({
    from: z.string().max(300).optional(),
    /** The URL's host is exactly this (a name or an address). */
    host: z.string().max(253).optional(),
    /** What the URL's host was when it was sent: a pod's IP, a ClusterIP, a node's IP, a load balancer's IP, an external address, or a name. */
    hostKind: z.enum(['pod-ip', 'cluster-ip', 'node-ip', 'lb-ip', 'external-ip', 'name']).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    path: z.string().max(2048).optional(),
    ok: z.boolean().optional(),
    failure: z.enum(['resolve', 'refused', 'timeout', 'no-route', 'url']).optional(),
    servedBy: servedBy.optional(),
    /** The packet went through this Service's rules (its name). */
    service: name.optional(),
    /** The packet entered through a NodePort (any, or this port) / on this node. */
    nodePort: z.union([z.literal(true), z.number().int().min(1).max(65535)]).optional(),
    node: name.optional(),
    /** The source address the answering pod saw: the client's own, or a node's (masqueraded). */
    sourceSeen: z.enum(['client', 'node']).optional(),
    /** How many such requests (default: at least one). */
    count: countSchema.optional(),
    /** How many different pods answered those requests. */
    backends: countSchema.optional(),
  });

  const commandGoal = z.strictObject({
    /** The program: kubectl, curl, nslookup, dig, wget, docker... (inside `kubectl exec ... --` the inner one counts too). */
    tool: z.string().min(1).max(64).optional(),
    /** kubectl's verb: get, describe, apply, delete, expose, scale, exec, logs... */
    verb: z.string().min(1).max(64).optional(),
    /** The resource named, any spelling (svc, service, services all match "services"). */
    resource: z.string().min(1).max(64).optional(),
    /** A regular expression the command line matches. */
    line: z.string().min(1).max(500).optional(),
    /** A regular expression the output matches. */
    printed: z.string().min(1).max(500).optional(),
    exitCode: z.number().int().min(0).max(255).optional(),
  });

  const serviceGoal = z.strictObject({
    name,
    namespace: name.optional(),
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
    /** The selector is exactly this (null: no selector). */
    selector: labels.nullable().optional(),
    /** "None" (headless), an address, or "any" (allocated). */
    clusterIP: z.string().max(45).optional(),
    /** Every listed port exists (matched on the fields given). */
    ports: z
      .array(
        z.strictObject({
          name: z.string().max(63).optional(),
          port: z.number().int().min(1).max(65535).optional(),
          targetPort: z.union([z.number().int().min(1).max(65535), z.string().max(15)]).optional(),
          nodePort: z.number().int().min(1).max(65535).optional(),
          protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
        }),
      )
      .max(100)
      .optional(),
    sessionAffinity: z.enum(['None', 'ClientIP']).optional(),
    externalTrafficPolicy: z.enum(['Cluster', 'Local']).optional(),
    externalName: z.string().max(253).optional(),
    publishNotReadyAddresses: z.boolean().optional(),
  });

  const endpointsGoal = z.strictObject({
    service: name,
    namespace: name.optional(),
    ready: countSchema.optional(),
    notReady: countSchema.optional(),
    /** EndpointSlices of the Service. */
    slices: countSchema.optional(),
    /** Some endpoint has this port. */
    port: z.number().int().min(1).max(65535).optional(),
  });

  const podsGoal = z.strictObject({
    selector: labels.optional(),
    namespace: name.optional(),
    /** Pods with these labels, whatever their state. */
    count: countSchema.optional(),
    ready: countSchema.optional(),
    /** Ready pods created after the step began. */
    new: countSchema.optional(),
    /** Pods of the step's start that no longer exist. */
    gone: countSchema.optional(),
  });

  const objectGoal = z.strictObject({
    kind: z.string().min(1).max(64),
    name,
    namespace: name.optional(),
    /** Default true: the object exists. False: it does not. */
    exists: z.boolean().optional(),
    /** Fields by dotted path ("spec.replicas", "spec.ports[0].port") and the value each must have. */
    fields: z.record(z.string().max(300), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  });

  const rulesGoal = z.strictObject({
    /** The node whose rules are read (default: the first worker). */
    node: name.optional(),
    /** A regular expression some rule line matches. */
    matches: z.string().min(1).max(500),
  });
  return { countSchema, opSchema, requestGoal, commandGoal, serviceGoal, endpointsGoal, podsGoal, objectGoal, rulesGoal, request };
}
type Leaves = ReturnType<typeof leafSchemas>;

/** A count asked of the cluster: exactly N, or a range. */
export type Count = z.infer<Leaves['countSchema']>;
/** One thing done to the session, as the learner would do it (SessionOp's lesson spelling). */
export type LessonOp = z.infer<Leaves['opSchema']>;

export type Goal =
  | { request: z.infer<Leaves['requestGoal']> }
  | { command: z.infer<Leaves['commandGoal']> }
  | { service: z.infer<Leaves['serviceGoal']> }
  | { endpoints: z.infer<Leaves['endpointsGoal']> }
  | { pods: z.infer<Leaves['podsGoal']> }
  | { object: z.infer<Leaves['objectGoal']> }
  | { rules: z.infer<Leaves['rulesGoal']> }
  | { clock: { advanced: number } }
  | { all: Goal[] }
  | { any: Goal[] }
  | { not: Goal };

function lessonSchemas() {
  const { opSchema, requestGoal, commandGoal, serviceGoal, endpointsGoal, podsGoal, objectGoal, rulesGoal, request } = leafSchemas();
  const goalSchema: z.ZodType<Goal> = z.lazy(() =>
    z.union([
      z.strictObject({ request: requestGoal }),
      z.strictObject({ command: commandGoal }),
      z.strictObject({ service: serviceGoal }),
      z.strictObject({ endpoints: endpointsGoal }),
      z.strictObject({ pods: podsGoal }),
      z.strictObject({ object: objectGoal }),
      z.strictObject({ rules: rulesGoal }),
      z.strictObject({ clock: z.strictObject({ advanced: z.number().min(0) }) }),
      z.strictObject({ all: z.array(goalSchema).min(1).max(20) }),
      z.strictObject({ any: z.array(goalSchema).min(1).max(20) }),
      z.strictObject({ not: goalSchema }),
    ]),
  );

  const taskSchema = z.strictObject({
    /** What to do, in a few words ("Reach http://web/ from client"). */
    title: z.string().min(1).max(200),
    goal: goalSchema,
  });

  const predictionSchema = z
    .strictObject({
      question: z.string().min(1).max(500),
      choices: z.array(z.string().min(1).max(200)).min(2).max(6),
      /** The index of the choice the simulation will show to be right. */
      answer: z.number().int().min(0),
      /** Shown once the learner has answered: why the truth is what it is. */
      explain: z.string().min(1).max(2000),
    })
    .refine((p) => p.answer < p.choices.length, { message: 'answer must be the index of one of the choices', path: ['answer'] });

  /** A chip in the step: a command to paste into the terminal, or a request for the request bar. */
  const chipSchema = z.union([z.strictObject({ run: z.string().min(1).max(4096) }), z.strictObject({ request })]);

  const stepSchema = z.strictObject({
    title: z.string().min(1).max(120),
    /** Markdown: short paragraphs, `code`, **bold**, lists. */
    text: z.string().min(1).max(4000),
    /** Canvas elements the step talks about: "svc/web", "pods/app=web", "pod/client", "node/kind-worker", "kube-proxy/kind-worker", "coredns", "workstation". */
    highlight: z.array(z.string().min(1).max(300)).max(20).optional(),
    chips: z.array(chipSchema).max(10).optional(),
    predict: predictionSchema.optional(),
    tasks: z.array(taskSchema).min(1).max(8),
    hints: z.array(z.string().min(1).max(1000)).max(3).optional(),
    /** What "Show me" replays: ops that complete every task of the step. */
    solution: z.array(opSchema).min(1).max(50),
  });

  const lessonSchema = z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes'),
    title: z.string().min(1).max(120),
    track: z.string().min(1).max(80),
    order: z.number().int().min(0).max(10_000),
    minutes: z.number().int().min(1).max(60),
    concepts: z.array(z.string().min(1).max(80)).min(1).max(20),
    /** One sentence for the lesson map. */
    summary: z.string().min(1).max(300),
    start: z.strictObject({
      /** The editor's text: the scenario's Kubernetes YAML. */
      scenario: z.string().max(256 * 1024),
      /** A kind Cluster config (nodes, kubeProxyMode, x-sim). */
      cluster: z.string().max(64 * 1024).optional(),
      seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
      /** Replayed after loading, before the first step. */
      ops: z.array(opSchema).max(100).optional(),
    }),
    /** Files the terminal can read (kubectl apply -f NAME). */
    files: z.record(z.string().regex(/^[\w.-]{1,100}$/), z.string().max(64 * 1024)).optional(),
    steps: z.array(stepSchema).min(1).max(20),
  });
  return { taskSchema, chipSchema, stepSchema, lessonSchema };
}
type Schemas = ReturnType<typeof lessonSchemas>;

export type LessonTask = z.infer<Schemas['taskSchema']>;
export type LessonChip = z.infer<Schemas['chipSchema']>;
export type LessonStep = z.infer<Schemas['stepSchema']>;
export type Lesson = z.infer<Schemas['lessonSchema']>;

let built: Schemas['lessonSchema'] | undefined;

/** The lesson file's schema. */
export function lessonSchema(): Schemas['lessonSchema'] {
  return (built ??= lessonSchemas().lessonSchema);
}
