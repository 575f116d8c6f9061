# cluster: kind-userspace.yaml
# The historic userspace proxy: iptables sends Service traffic to kube-proxy's
# own port, and kube-proxy dials a backend itself, trying the next one when a
# dial fails, so a broken pod never shows to the client.
kubectl apply -f app.yaml
kubectl apply -f broken.yaml
kubectl get endpoints web
docker exec kind-worker iptables-save -t nat
for i in $(seq 1 12); do kubectl exec client -- curl -s http://web/; echo; done | sort | uniq -c
# Removed in v1.26 (k/k PR 112133): the historic mode runs on a simulated v1.25 cluster, and kubectl
# v1.33 warns about the skew (kubectl pkg/cmd/version/version.go).
kubectl version
kubectl get configmap kube-proxy -n kube-system -o yaml | grep "mode:"
kubectl get pods -n kube-system -l k8s-app=kube-proxy -o jsonpath='{.items[0].spec.containers[0].image}{"\n"}'
