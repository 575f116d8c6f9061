# The default scenario: three agnhost serve-hostname pods behind a ClusterIP
# Service, and a client pod that talks to it.
kubectl get pods
kubectl apply -f app.yaml
sleep 30
kubectl get pods -o wide
kubectl get deploy
kubectl get rs
kubectl get svc
kubectl get svc -o wide
kubectl get endpoints
kubectl get endpointslices
kubectl exec client -- curl -s http://web/
kubectl exec client -- curl -s http://web.default.svc.cluster.local/
kubectl exec client -- nslookup web
kubectl exec client -- nslookup nope
kubectl apply -f no-endpoints.yaml
kubectl get endpoints empty
kubectl get endpointslices -l kubernetes.io/service-name=empty
kubectl exec client -- curl -s http://empty/
kubectl exec client -- curl -sS http://empty/
kubectl exec client -- curl http://empty/
kubectl exec client -- curl -sS http://nope/
kubectl apply -f app.yaml
