# kubernetes.io "Debugging DNS Resolution" (content/en/docs/tasks/administer-cluster/dns-debugging-resolution.md),
# its checks in order, ending with the CoreDNS query log: the `log` plugin is added to the Corefile,
# and the change takes effect only after the kubelet has rewritten the mounted file (its pod resync,
# every 60 to 90 s) and CoreDNS's reload plugin has read it (every 30 s, give or take 7.5 s).
kubectl apply -f tutorials/dnsutils.yaml
sleep 5
kubectl get pods dnsutils
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
kubectl exec -ti dnsutils -- cat /etc/resolv.conf
kubectl get pods --namespace=kube-system -l k8s-app=kube-dns
for p in $(kubectl get pods --namespace=kube-system -l k8s-app=kube-dns -o name); do kubectl logs --namespace=kube-system $p; done
kubectl get svc --namespace=kube-system
# The page's label is k8s.io/service-name; the EndpointSlice controller's is kubernetes.io/service-name.
kubectl get endpointslices -l k8s.io/service-name=kube-dns --namespace=kube-system
kubectl get endpointslices -l kubernetes.io/service-name=kube-dns --namespace=kube-system
# Are DNS queries being received/processed? Add `log` to the Corefile.
kubectl apply -f tutorials/coredns-log.yaml
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
kubectl logs --namespace=kube-system -l k8s-app=kube-dns
# Nothing yet: neither pod has reloaded. Two minutes later both have.
sleep 120
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
kubectl exec -i -t dnsutils -- nslookup example.com
kubectl exec -i -t dnsutils -- nslookup no-such-service
for p in $(kubectl get pods --namespace=kube-system -l k8s-app=kube-dns -o name); do kubectl logs --namespace=kube-system $p; done
# A Corefile with a typo: CoreDNS refuses it and keeps answering with the one it runs.
kubectl apply -f tutorials/coredns-typo.yaml
sleep 120
kubectl logs --namespace=kube-system -l k8s-app=kube-dns --tail=4
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
