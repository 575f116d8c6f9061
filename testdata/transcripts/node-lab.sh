# Looking at a kind node from inside (docker exec): the rules kube-proxy wrote,
# the containers containerd runs, the routes kindnet installed, and kube-proxy's
# own endpoints.
kubectl apply -f app.yaml
kubectl get pods -o wide
docker exec kind-worker iptables -t nat -L KUBE-SERVICES -n
docker exec kind-worker iptables -t nat -L KUBE-NODEPORTS -n --line-numbers
docker exec kind-worker iptables -t nat -S KUBE-POSTROUTING
docker exec kind-worker iptables -t nat -L NOPE
docker exec kind-worker crictl ps
docker exec kind-worker crictl pods
# One /pause per pod sandbox (the kubelet's line names the pause image), and every process by name.
docker exec kind-worker ps aux | grep pause
docker exec kind-worker ps -e
docker exec kind-worker ip route
docker exec kind-worker ip addr show eth0
docker exec kind-worker curl -s localhost:10249/proxyMode
docker exec kind-worker curl -s localhost:10256/healthz
# From a pod: its own address and routes, and ping across nodes. A ClusterIP
# does not answer ping in iptables mode: nothing holds that address.
kubectl apply -f busybox.yaml
kubectl exec bb -- ip addr
kubectl exec bb -- ip route
kubectl exec bb -- ping -c 2 10.244.1.2
kubectl exec bb -- ping -c 2 kubernetes
# busybox netstat and traceroute: what the pod listens on, and the hops kindnet routes.
kubectl exec deploy/web -- netstat -tln
kubectl exec bb -- netstat -tn
kubectl exec bb -- traceroute 10.244.1.2
kubectl exec bb -- traceroute -n -m 3 web
