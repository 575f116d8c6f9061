# A seed's walk: a ReplicaSet made directly, exposed from its file, then found
# by an environment variable, by DNS and through kube-proxy's rules. The seed
# types `kubectl expose rs -f FILE`: kubectl refuses a resource type beside -f.
kubectl create -f go-demo-2-rs.yaml
kubectl get rs go-demo-2-db
kubectl expose rs -f go-demo-2-rs.yaml --port 27017
kubectl expose -f go-demo-2-rs.yaml --name go-demo-2-db --port 27017 --type NodePort
kubectl describe svc go-demo-2-db
kubectl get endpoints go-demo-2-db
POD=$(kubectl get pods -l service=go-demo-2,type=db -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod $POD
kubectl get pods -l service=go-demo-2,type=db
kubectl run api --image=busybox:1.28 --restart=Never -- sleep 3600
kubectl exec api -- env | grep GO_DEMO_2_DB | sort
kubectl exec api -- cat /etc/resolv.conf
kubectl exec api -- nslookup go-demo-2-db
docker exec kind-worker iptables -t nat -S KUBE-SERVICES | grep go-demo-2-db
kubectl get rs go-demo-2-db -o wide
