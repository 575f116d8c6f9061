import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('kubectl get events', () => {
  it('lists what the controllers, the scheduler and the kubelet reported, each object\'s events together', () => {
    const t = appliedShell();
    const out = t.run('kubectl get events --field-selector involvedObject.kind!=Node');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(out).toMatch(/Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\w+ from 0 to 3/);
    expect(out).toMatch(/Normal\s+SuccessfulCreate\s+replicaset\/web-\w+\s+Created pod: web-\w+-\w{5}/);
    expect(out).toMatch(/Normal\s+Scheduled\s+pod\/client\s+Successfully assigned default\/client to kind-worker2?/);
    // pod/client's events come in the order they happened: scheduled, image, created, started.
    const client = lines.filter((l) => l.includes('pod/client')).map((l) => l.split(/\s+/)[2]);
    expect(client).toEqual(['Scheduled', 'Pulled', 'Created', 'Started']);
  });

  it('shows the nodes joining while the cluster is younger than the events\' hour', () => {
    const t = testShell();
    expect(t.run('kubectl get events')).toMatch(/Normal\s+NodeReady\s+node\/kind-worker\s+Node kind-worker status is now: NodeReady/);
    t.run('sleep 3600');
    expect(t.run('kubectl get events')).toBe('No resources found in default namespace.\n');
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide', () => {
    const t = appliedShell();
    const out = t.run('kubectl get events -o wide --field-selector involvedObject.name=client,reason=Started');
    expect(out).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME\n/);
    expect(out).toMatch(/spec\.containers\{client\}\s+kubelet, kind-worker2?\s+Started container client\s+\d+s\s+1\s+client\.[0-9a-f]{16}\n$/);
  });

  it('says what a field selector cannot select', () => {
    expect(appliedShell().run('kubectl get events --field-selector spec.x=1')).toMatch(/field label not supported: spec\.x/);
  });
});

describe('kubectl describe', () => {
  it('shows an object\'s events, and repeats of a failing probe as "xN over"', () => {
    const t = testShell();
    t.sim.applyText(readFileSync('testdata/transcripts/readiness.yaml', 'utf8'), 'test', 'apply');
    t.run('sleep 30');
    const pod = t.sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.name.startsWith('web-'))!;
    const out = t.run(`kubectl describe pod ${pod.metadata.name}`);
    expect(out).toMatch(/Warning\s+Unhealthy\s+0s \(x6 over 25s\)\s+kubelet\s+Readiness probe failed: cat: can't open '\/tmp\/ready': No such file or directory\n$/);
  });

  it('leaves events out when it describes several objects, and separates them by two blank lines', () => {
    const t = appliedShell();
    const out = t.run('kubectl describe svc');
    expect(out).not.toContain('Events:');
    expect(out).toMatch(/\n\n\nName:\s+web\n/);
    expect(out).not.toMatch(/\n\n\n\n/);
  });

  it('describes the objects whose names start with a name that matches none', () => {
    const t = appliedShell();
    const out = t.run('kubectl describe pod web');
    expect(out.match(/^Name:\s+web-/gm)).toHaveLength(3);
    expect(out).not.toContain('Events:');
  });

  it('prints NotFound after the objects it found', () => {
    const t = appliedShell();
    const r = t.result('kubectl describe svc nope web');
    expect(r.chunks.map((c) => c.stream)).toEqual(['out', 'err']);
    expect(r.chunks[1]!.text).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('prints annotations as "key: value" and a Deployment\'s conditions and events', () => {
    const out = appliedShell().run('kubectl describe deploy web');
    expect(out).toMatch(/Annotations:\s+deployment\.kubernetes\.io\/revision: 1\n/);
    expect(out).toMatch(/Conditions:\n\s+Type\s+Status\s+Reason\n\s+----\s+------\s+------\n\s+Available\s+True\s+MinimumReplicasAvailable\n\s+Progressing\s+True\s+NewReplicaSetAvailable\n/);
    expect(out).toMatch(/Normal\s+ScalingReplicaSet\s+\d+s\s+deployment-controller\s+Scaled up replica set web-\w+ from 0 to 3\n$/);
  });

  it('selects with -l and describes ReplicaSets', () => {
    const t = appliedShell();
    expect(t.run('kubectl describe pods -l app=client').match(/^Name:/gm)).toHaveLength(1);
    expect(t.run('kubectl describe rs')).toMatch(/Replicas:\s+3 current \/ 3 desired\nPods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  });
});

describe('kubectl get events --sort-by', () => {
  it('sorts the events by a field of the Event objects (get.go --sort-by), oldest first by creation time', () => {
    const t = appliedShell();
    t.run('sleep 20');
    t.run('kubectl scale deployment web --replicas=4');
    const lines = t.run('kubectl get events --sort-by=.metadata.creationTimestamp').trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/0s\s+Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\w+ from 3 to 4$/);
    expect(lines[1]).toMatch(/^5m20s\s+Normal\s+Starting\s+node\//);
  });
});

describe('kubectl events (kubectl/pkg/cmd/events)', () => {
  it('lists oldest first with Kind/name objects, repeats as "(xN over ...)", and filters by --for and --types', () => {
    const t = testShell();
    t.sim.applyText(readFileSync('testdata/transcripts/readiness.yaml', 'utf8'), 'test', 'apply');
    t.run('sleep 30');
    const lines = t.run('kubectl events').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(lines[1]).toMatch(/^5m30s\s+Normal\s+Starting\s+Node\/kind-control-plane\s+Starting kubelet\.$/);
    expect(lines[lines.length - 1]).toMatch(/^0s \(x6 over 25s\)\s+Warning\s+Unhealthy\s+Pod\/web-/);
    expect(t.run('kubectl events --for deploy/web')).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n30s\s+Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-\w+ from 0 to 2\n$/);
    expect(t.run('kubectl events --types=Warning').trimEnd().split('\n')).toHaveLength(3);
    expect(t.run('kubectl events -n nope')).toBe('No events found in nope namespace.\n');
    expect(t.run('kubectl events --types=Bad')).toBe('error: valid --types are Normal or Warning\n');
  });
});
