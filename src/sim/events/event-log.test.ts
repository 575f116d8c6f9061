import { describe, expect, it } from 'vitest';
import { ClusterEvent, EVENT_TTL_SECONDS, EventLog, type EventTicks } from './event-log';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'web-1', uid: 'u1', resourceVersion: '1' } };
const kubelet = { component: 'kubelet', host: 'kind-worker' };

describe('EventLog', () => {
  it('counts a repeat of the same event on the first one (client-go tools/record/events_cache.go)', () => {
    const log = new EventLog();
    log.recordText(pod, 'Normal', 'Pulled', 'image present', kubelet, 0);
    log.recordText(pod, 'Normal', 'Pulled', 'image present', kubelet, 7);
    log.recordText(pod, 'Normal', 'Created', 'Created container: web', kubelet, 7);
    const views = log.about('u1', 10);
    expect(views.map((v) => [v.event.reason, v.count, v.firstTimestamp, v.lastTimestamp])).toEqual([
      ['Pulled', 2, 0, 7],
      ['Created', 1, 7, 7],
    ]);
  });

  it('counts timer repeats when read: one at the start, one a period, none at or after the end', () => {
    const log = new EventLog();
    const ticks: EventTicks = { start: 5, period: 5 };
    log.repeating({ subject: pod, type: 'Warning', reason: 'Unhealthy', format: (a) => a, a: 'probe failed', source: kubelet }, ticks);
    expect(log.about('u1', 4)).toEqual([]);
    expect(log.about('u1', 5)[0]).toMatchObject({ count: 1, firstTimestamp: 5, lastTimestamp: 5 });
    expect(log.about('u1', 29)[0]).toMatchObject({ count: 5, lastTimestamp: 25 });
    ticks.end = 30;
    expect(log.about('u1', 1000)[0]).toMatchObject({ count: 5, lastTimestamp: 25 });
  });

  it('drops an event an hour after its last update (kube-apiserver --event-ttl default 1h)', () => {
    const log = new EventLog();
    log.recordText(pod, 'Normal', 'Started', 'Started container web', kubelet, 0);
    expect(log.list(EVENT_TTL_SECONDS - 1, 'default')).toHaveLength(1);
    expect(log.list(EVENT_TTL_SECONDS, 'default')).toHaveLength(0);
  });

  it('files a cluster-scoped object\'s events in the default namespace', () => {
    const log = new EventLog();
    log.recordText({ apiVersion: '', kind: 'Node', metadata: { name: 'kind-worker', uid: 'kind-worker', resourceVersion: '' } }, 'Normal', 'Starting', 'Starting kubelet.', kubelet, 0);
    expect(log.list(1, 'default')).toHaveLength(1);
    expect(log.list(1, 'kube-system')).toHaveLength(0);
  });

  it('formats a message only when it is read, and counts an event marked once without looking for a repeat', () => {
    const log = new EventLog();
    let formatted = 0;
    const format = (a: string) => (formatted++, `Started container ${a}`);
    log.record({ subject: pod, type: 'Normal', reason: 'Started', format, a: 'web', source: kubelet, once: true }, 0);
    expect(formatted).toBe(0);
    expect(log.about('u1', 1)[0]!.event.message).toBe('Started container web');
  });

  it('backdates every event recorded so far, batches included, wherever they sit', () => {
    const log = new EventLog();
    const started = (seq: number) => new ClusterEvent(seq, pod, undefined, 'Normal', 'Started', (a: string) => a, 'x', '', kubelet, 0, 0, 1);
    const batch = (seq: number) => ({ seq, size: 2, expand: () => [started(seq), started(seq + 1)] });
    log.batch(batch);
    log.recordText(pod, 'Normal', 'Pulled', 'a', kubelet, 0);
    log.batch(batch);
    log.batch(batch);
    log.backdate(-280);
    expect(log.list(0).map((v) => v.firstTimestamp)).toEqual([-280, -280, -280, -280, -280, -280, -280]);
  });

  it('names events <object>.<creation time in hex nanoseconds>, in creation order per object', () => {
    const log = new EventLog();
    const a = log.recordText(pod, 'Normal', 'Scheduled', 'a', kubelet, 0);
    const b = log.recordText(pod, 'Normal', 'Pulled', 'b', kubelet, 0);
    expect(a.name).toMatch(/^web-1\.[0-9a-f]{16}$/);
    expect(a.name < b.name).toBe(true);
  });
});
