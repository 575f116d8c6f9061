# cluster: kind-userspace.yaml
# The historic userspace proxy: iptables sends Service traffic to kube-proxy's
# own port, and kube-proxy dials a backend itself, trying the next one when a
# dial fails, so a broken pod never shows to the client.
kubectl apply -f app.yaml
kubectl apply -f broken.yaml
kubectl get endpoints web
docker exec kind-worker iptables-save -t nat
for i in $(seq 1 12); do kubectl exec client -- curl -s http://web/; echo; done | sort | uniq -c
