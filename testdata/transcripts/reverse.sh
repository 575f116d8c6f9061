# Reverse lookups: CoreDNS answers PTR for ClusterIPs and for endpoints with a
# hostname; any other address falls through to the upstream (NXDOMAIN).
kubectl apply -f app.yaml
kubectl apply -f reverse.yaml
kubectl apply -f busybox.yaml
kubectl get pods -o wide
kubectl exec client -- dig -x 10.96.0.10
kubectl exec client -- dig +short -x 10.96.0.1
kubectl exec client -- nslookup 10.96.0.10
kubectl exec client -- dig +short db-0.db.default.svc.cluster.local
kubectl exec client -- dig +short -x 10.244.2.4
kubectl exec client -- dig +short -x 10.244.2.3
kubectl exec client -- dig -x 10.244.1.2
kubectl exec client -- nslookup 10.244.1.2
kubectl exec bb -- nslookup 10.96.0.10
kubectl exec bb -- nslookup 10.244.1.2
