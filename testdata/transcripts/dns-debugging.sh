# Debugging DNS resolution from inside the cluster, in the order kubernetes.io's
# "Debugging DNS Resolution" task walks it (CoreDNS's log plugin steps left out).
kubectl apply -f dnsutils.yaml
kubectl get pods dnsutils
# BIND's nslookup applies the search list: kubernetes.default becomes
# kubernetes.default.svc.cluster.local.
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
kubectl exec -ti dnsutils -- cat /etc/resolv.conf
kubectl exec -i -t dnsutils -- nslookup kubernetes.default.svc.cluster.local
kubectl exec dnsutils -- nslookup nope
# Is CoreDNS running, and is its Service backed by endpoints?
kubectl get pods --namespace=kube-system -l k8s-app=kube-dns
kubectl get svc --namespace=kube-system
kubectl get endpointslices -l kubernetes.io/service-name=kube-dns --namespace=kube-system
kubectl exec dnsutils -- dig +short kube-dns.kube-system.svc.cluster.local
kubectl exec dnsutils -- host kubernetes
kubectl exec dnsutils -- curl http://kubernetes
# busybox:1.28's nslookup goes through libc, so the search list applies too,
# in its own format; newer busybox sends a dotted name as it is.
kubectl run bb128 --image=busybox:1.28 --restart=Never -- sleep 3600
kubectl exec bb128 -- nslookup kubernetes.default
kubectl exec bb128 -- nslookup kube-dns.kube-system
kubectl run bb --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl exec bb -- nslookup kubernetes.default
kubectl exec bb -- hostname -i
# netshoot: bash without a bashrc, dig and BIND's nslookup.
kubectl run tmp -it --rm --restart=Never --image=nicolaka/netshoot -- bash
nslookup kube-dns.kube-system
dig +short kubernetes.default.svc.cluster.local
exit
