# NodePort from the workstation: every node answers; a node without the pod
# masquerades the connection (the pod sees that node's IP), and conntrack on
# that node remembers both rewrites. With externalTrafficPolicy Local only the
# pod's node answers, with the client's own address; the others drop the SYN.
kubectl apply -f echo.yaml
kubectl get svc
kubectl get pods -o wide
kubectl get nodes -o wide
curl -s http://172.18.0.2:30080/clientip
curl -s http://172.18.0.3:30080/clientip
curl -s http://172.18.0.4:30080/clientip
docker exec kind-control-plane conntrack -L
curl -s http://172.18.0.3:30081/clientip
curl -sS http://172.18.0.4:30081/clientip
curl -v http://172.18.0.4:30081/clientip
