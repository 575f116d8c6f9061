# ClientIP session affinity: one pod per client until 60 s pass without a new
# connection (xt_recent lists in iptables mode, checked before the random rules).
kubectl apply -f app.yaml
kubectl apply -f affinity.yaml
for i in $(seq 1 20); do kubectl exec client -- curl -s http://sticky/; echo; done | sort | uniq -c
docker exec kind-worker iptables-save -t nat
sleep 61
for i in $(seq 1 5); do kubectl exec client -- curl -s http://sticky/; echo; sleep 61; done
