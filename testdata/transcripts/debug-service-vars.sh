# The "Debug Services" walk-through with the shell doing the remembering:
# addresses kept in variables, loops over what kubectl lists, DNS asked
# three ways, and a request that gives up after the time it was given.
kubectl create deployment hostnames --image=registry.k8s.io/e2e-test-images/agnhost:2.53 --replicas=3 -- /agnhost serve-hostname
kubectl run client --image=registry.k8s.io/e2e-test-images/agnhost:2.53 -- /agnhost netexec
kubectl get pods -l app=hostnames -o name
for ep in $(kubectl get pods -l app=hostnames -o jsonpath='{.items[*].status.podIP}'); do kubectl exec client -- curl -s $ep:9376; echo; done
kubectl get svc hostnames
kubectl expose deployment hostnames --port=80 --target-port=9376
IP=$(kubectl get svc hostnames -o jsonpath='{.spec.clusterIP}'); echo "hostnames is at $IP"
for i in 1 2 3; do kubectl exec client -- curl -s http://$IP/; echo; done | sort
kubectl exec client -- curl -s http://$(kubectl get svc hostnames -o jsonpath='{.spec.clusterIP}')/
kubectl exec client -- nslookup hostnames
kubectl exec client -- nslookup -type=SRV hostnames.default
kubectl exec client -- host hostnames.default.svc.cluster.local
kubectl exec client -- dig -t SRV hostnames.default.svc.cluster.local +short
kubectl -n kube-system get pods -l k8s-app=kube-proxy -o name
kubectl --context kind-kind get endpointslices -l kubernetes.io/service-name=hostnames -o name | wc -l
POD=$(kubectl get pods -l app=hostnames -o jsonpath='{.items[0].metadata.name}')
kubectl logs $POD
kubectl logs -l app=hostnames --prefix | wc -l
kubectl exec client -- sh -c 'echo "$HOSTNAME sees hostnames at $HOSTNAMES_SERVICE_HOST"'
kubectl delete pod client; kubectl run client --image=registry.k8s.io/e2e-test-images/agnhost:2.53 -- /agnhost netexec
kubectl exec client -- sh -c 'curl -s http://$HOSTNAMES_SERVICE_HOST:$HOSTNAMES_SERVICE_PORT/ | wc -c'
kubectl exec client -- curl -sS -m 2 http://10.96.0.99/; echo "curl said $?"
kubectl get pod nope 2>/dev/null || echo "no such pod (status $?)"
kubectl cluster-info
kubectl delete deployments,svc hostnames
