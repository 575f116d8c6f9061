# Issue 12 ("Wrong today"): edges the simulator got wrong, answered as v1.33 on kind answers.
# A malformed clusterIP: validateServiceClusterIPsRelatedFields + apimachinery validation/ip.go.
kubectl apply -f edges-bad-ip.yaml
# The kubelet's port on a node: TLS only (Go's net/http 400 to plain HTTP), anonymous clients refused (401).
curl -s http://172.18.0.3:10250/pods
curl -sk https://172.18.0.3:10250/pods
# A NodePort whose endpoint is a node's kubelet (a Service without a selector): the kubelet answers the same.
kubectl apply -f edges-kubelet.yaml
NP=$(kubectl get svc kubelet -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://172.18.0.4:$NP/pods
# dnsPolicy and dnsConfig write the pod's /etc/resolv.conf as the kubelet does (pkg/kubelet/network/dns/dns.go),
# and lookups follow it: None uses only dnsConfig, Default the node's file, ClusterFirst merges dnsConfig in.
kubectl apply -f edges-dns.yaml
kubectl exec only-own -- cat /etc/resolv.conf
kubectl exec node-dns -- cat /etc/resolv.conf
kubectl exec merged -- cat /etc/resolv.conf
kubectl exec only-own -- nslookup web
kubectl exec node-dns -- nslookup web.default.svc.cluster.local
kubectl exec merged -- nslookup web
kubectl exec only-own -- wget -qO- -T 2 http://web/hostname
kubectl get pod only-own -o jsonpath='{.spec.dnsConfig}'
# validatePodDNSConfig (pkg/apis/core/validation/validation.go)
kubectl apply -f edges-dns-bad.yaml
# kubectl run -it: the shell is the container's main process. --rm: gone once it exits, the name free at once.
kubectl run tmp --rm -it --image=busybox:1.36 --restart=Never -- sh
exit
kubectl get pod tmp
kubectl run tmp --rm -it --image=busybox:1.36 --restart=Never -- sh
hostname
exit
# restartPolicy Always (run's default): the exit ends the container, the kubelet starts it again.
kubectl run keep -it --image=busybox:1.36 -- sh
exit
sleep 2
kubectl get pod keep
# restartPolicy Never: the pod completes with the shell's exit code, and kubectl exits with it.
kubectl run fail -it --image=busybox:1.36 --restart=Never -- sh
exit 3
echo $?
kubectl get pod fail
kubectl run done -it --image=busybox:1.36 --restart=Never -- sh
exit
kubectl get pod done
# max-pods: the kubelet's default 110 a node; the scheduler's NodeResourcesFit says "Too many pods".
kubectl create deployment many --image=nginx --replicas=230
kubectl get deploy many
kubectl get pods -l app=many | grep -c Pending
kubectl describe node kind-worker | grep -A1 "Non-terminated Pods"
kubectl get events --field-selector reason=FailedScheduling | tail -n 1
