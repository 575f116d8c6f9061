# dig from a pod (agnhost has BIND's dig): CoreDNS answers its zone authoritatively.
kubectl apply -f app.yaml
kubectl exec client -- dig web.default.svc.cluster.local
kubectl exec client -- dig +short web.default.svc.cluster.local
kubectl exec client -- dig +short +search web
kubectl exec client -- dig nope.default.svc.cluster.local
kubectl exec client -- dig SRV _dns._udp.kube-dns.kube-system.svc.cluster.local
