# Graceful termination: a deleted pod is Terminating until its containers stop,
# its endpoint stays in the slice as serving and terminating, and the
# ReplicaSet starts a replacement with a new IP at once.
kubectl apply -f app.yaml
kubectl get pods -o wide
kubectl delete pod web-5969745756-8l62m --wait=false
kubectl get pods -o wide
kubectl get endpoints web
kubectl get endpointslices -o yaml
sleep 30
kubectl get pods -o wide
kubectl delete pod client
kubectl get pods
