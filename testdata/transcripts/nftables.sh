# cluster: kind-nftables.yaml
# nftables mode: one table, verdict maps instead of a chain per Service.
kubectl apply -f app.yaml
kubectl get svc web
docker exec kind-worker nft list ruleset
kubectl exec client -- curl -s http://web/
docker exec kind-worker nft list tables
docker exec kind-worker iptables-save -t filter
