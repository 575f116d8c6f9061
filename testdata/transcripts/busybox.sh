# busybox's own nslookup and wget: it asks for A and AAAA of every search
# domain at once, and prints every answer.
kubectl apply -f app.yaml
kubectl apply -f no-endpoints.yaml
kubectl apply -f busybox.yaml
kubectl exec bb -- nslookup web
kubectl exec bb -- nslookup web.default.svc.cluster.local
kubectl exec bb -- nslookup nope
kubectl exec bb -- wget -qO- http://web/
kubectl exec bb -- wget -O- http://web/
kubectl exec bb -- wget -qO- http://empty/
kubectl exec bb -- wget -qO- http://nope/
kubectl exec bb -- curl http://web/
# The socket error is the image's libc strerror: busybox:1.36 is the glibc build,
# agnhost is Alpine (musl).
kubectl exec bb -- wget -qO- http://web:81/
kubectl exec client -- wget -qO- http://web:81/
kubectl exec client -- nc -zv web 81
