// curl -i / -f and busybox wget against servers that write their own heads:
// nginx's header filter (ngx_http_header_filter_module.c: Server, Date, Content-Type, Content-Length,
// Last-Modified, Connection, ETag, Accept-Ranges), curl's -f (lib/http.c: "The requested URL returned
// error: %d", exit 22), busybox wget (networking/wget.c: "server returned error: %s").
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

describe('servers with their own response heads', () => {
  const t = testShell({ 'web.yaml': WEB });
  t.run('kubectl apply -f web.yaml');
  t.run('kubectl apply -f bb.yaml');
  t.run('kubectl run curl --image=curlimages/curl --restart=Never --command -- sleep 3600');

  it('curl -i prints nginx head in its order, Date from the simulated clock', () => {
    const out = t.stdout('kubectl exec curl -- curl -si http://web/');
    expect(out).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\nLast-Modified: Tue, 26 Nov 2024 15:55:00 GMT\r\nConnection: keep-alive\r\nETag: "6745ef54-267"\r\nAccept-Ranges: bytes\r\n\r\n<!DOCTYPE html>/);
  });

  it('a missing path: nginx 404 page; -f turns it into exit 22', () => {
    expect(t.stdout('kubectl exec curl -- curl -s http://web/missing')).toContain('<center><h1>404 Not Found</h1></center>');
    expect(t.run('kubectl exec curl -- curl -sSf http://web/missing')).toBe('curl: (22) The requested URL returned error: 404\ncommand terminated with exit code 22\n');
  });

  it('busybox wget sends Connection: close and stops on an error status', () => {
    expect(t.run('kubectl exec bb -- wget -qO- http://web/missing')).toBe('wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n');
  });
});
