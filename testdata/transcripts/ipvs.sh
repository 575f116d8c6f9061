# cluster: kind-ipvs.yaml
# IPVS mode: each service port is a virtual server (rr), each ready pod a real
# server; the connection counters move as requests go through.
kubectl apply -f app.yaml
kubectl get svc web
kubectl get pods -o wide
docker exec kind-worker2 ipvsadm -Ln
for i in $(seq 1 6); do kubectl exec client -- curl -s http://web/; echo; done
docker exec kind-worker2 ipvsadm -Ln
docker exec kind-worker2 iptables-save
