# kubernetes.io "Using Source IP" (content/en/docs/tutorials/services/source-ip.md), replayed: echoserver
# prints the client address the pod saw. ClusterIP from a pod keeps the pod's address; NodePort with
# externalTrafficPolicy Cluster is masqueraded to the node's address (kube-proxy's KUBE-MARK-MASQ);
# Local keeps the client's address and only nodes with an endpoint answer. (The LoadBalancer part
# with healthCheckNodePort is in loadbalancer.sh.)
kubectl create deployment source-ip-app --image=registry.k8s.io/echoserver:1.10
kubectl get nodes
kubectl get pods -o wide
kubectl expose deployment source-ip-app --name=clusterip --port=80 --target-port=8080
kubectl get svc clusterip
kubectl run busybox --image=busybox:1.28 --restart=Never -- sleep 3600
kubectl get pod busybox -o jsonpath='{.status.podIP}{"\n"}'
kubectl exec busybox -- wget -qO - $(kubectl get svc clusterip -o jsonpath='{.spec.clusterIP}')
kubectl expose deployment source-ip-app --name=nodeport --port=80 --target-port=8080 --type=NodePort
NODEPORT=$(kubectl get -o jsonpath="{.spec.ports[0].nodePort}" services nodeport)
NODES=$(kubectl get nodes -o jsonpath='{ $.items[*].status.addresses[?(@.type=="InternalIP")].address }')
echo $NODES
for node in $NODES; do curl -s $node:$NODEPORT | grep -i client_address; done
curl -s "172.18.0.3:$NODEPORT/hello?x=1"
kubectl patch svc nodeport -p '{"spec":{"externalTrafficPolicy":"Local"}}'
for node in $NODES; do curl --connect-timeout 1 -s $node:$NODEPORT | grep -i client_address; done
curl -sS --connect-timeout 1 172.18.0.3:$NODEPORT
