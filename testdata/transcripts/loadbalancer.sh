# cluster: kind-lb.yaml
# LoadBalancer Services get an address from the pool; the balancer spreads
# connections over the nodes, then kube-proxy on the node picks a pod.
kubectl apply -f app.yaml
kubectl apply -f lb.yaml
kubectl get svc
kubectl describe svc web-lb-local
kubectl get svc web-lb -o jsonpath={.status}
for i in $(seq 1 30); do curl -s http://172.18.255.200/; echo; done | sort | uniq -c
for i in $(seq 1 30); do curl -s http://172.18.255.201/; echo; done | sort | uniq -c
