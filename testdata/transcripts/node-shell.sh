# A kind node lab: the nodes are Docker containers; a bash on one shows kube-proxy's rules and the runtime's containers.
kubectl apply -f app.yaml
docker ps
docker exec -it kind-worker bash
iptables-save -t nat | grep KUBE-SVC | head -3
crictl ps
exit
echo $?
