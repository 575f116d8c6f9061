import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';
import { humanDuration } from './crictl';

// docker/cli cli/command/formatter/container.go: the default table "ID Image Command RunningFor
// Status Ports Names", Command quoted and ellipsized to 20 columns; formatter.go: tabwriter
// minwidth 10, padding 3 for `table` formats. kind: kindest/node:VERSION, entrypoint
// "/usr/local/bin/entrypoint /sbin/init", 127.0.0.1:PORT->6443/tcp on the control plane.
describe('docker ps', () => {
  it('lists the kind node containers as docker\'s table, newest first', () => {
    const t = testShell();
    const lines = t.run('docker ps').split('\n');
    expect(lines[0]).toBe('CONTAINER ID   IMAGE                  COMMAND                  CREATED         STATUS         PORTS                       NAMES');
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}kindest\/node:v1\.33\.1 {3}"\/usr\/local\/bin\/entr…" {3}5 minutes ago {3}Up 5 minutes {31}kind-worker2$/);
    expect(lines[3]).toMatch(/^[0-9a-f]{12} {3}kindest\/node:v1\.33\.1 {3}"\/usr\/local\/bin\/entr…" {3}5 minutes ago {3}Up 5 minutes {3}127\.0\.0\.1:40119->6443\/tcp {3}kind-control-plane$/);
    expect(lines).toHaveLength(5);
  });

  it('keeps the same IDs within a session and for the same seed', () => {
    const a = testShell();
    const b = testShell();
    expect(a.run('docker ps -q')).toBe(a.run('docker ps -aq'));
    expect(a.run('docker ps -q')).toBe(b.run('docker ps -q'));
    expect(a.run('docker ps -q')).toMatch(/^([0-9a-f]{12}\n){3}$/);
    expect(a.run('docker ps -q --no-trunc')).toMatch(/^([0-9a-f]{64}\n){3}$/);
  });

  it('ages with the simulation clock (go-units HumanDuration, the daemon\'s "Up ...")', () => {
    const t = appliedShell();
    t.run('sleep 3600');
    expect(t.run("docker ps --format '{{.RunningFor}}|{{.Status}}' | head -1")).toBe('About an hour ago|Up About an hour\n');
  });

  it('prints --format templates, with `table` headers and \\t escapes', () => {
    const t = testShell();
    expect(t.run("docker ps --format '{{.Names}}'")).toBe('kind-worker2\nkind-worker\nkind-control-plane\n');
    expect(t.run("docker ps --format 'table {{.Names}}\\t{{.Image}}'")).toBe(
      'NAMES                IMAGE\nkind-worker2         kindest/node:v1.33.1\nkind-worker          kindest/node:v1.33.1\nkind-control-plane   kindest/node:v1.33.1\n',
    );
    expect(t.run("docker ps --no-trunc --format '{{.Command}}' | head -1")).toBe('"/usr/local/bin/entrypoint /sbin/init"\n');
    // text/template's error for a field ContainerContext lacks (parse.Tree.ErrorContext: the 0-based byte offset), wrapped by formatter.go contextFormat.
    expect(t.run("docker ps --format '{{.Nope}}'")).toBe('template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext\n');
  });
});

// docker/go-units duration_test.go.
describe('humanDuration', () => {
  it.each([
    [1, '1 second'],
    [59, '59 seconds'],
    [60, 'About a minute'],
    [35 * 60 + 40, '35 minutes'],
    [3600 + 29 * 60, 'About an hour'],
    [3600 + 31 * 60, '2 hours'],
    [36 * 3600, '36 hours'],
    [2 * 86400, '2 days'],
    [14 * 86400, '2 weeks'],
    [60 * 86400, '2 months'],
  ])('%i s is %s', (s, text) => expect(humanDuration(s)).toBe(text));
});
