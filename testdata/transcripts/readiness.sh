# Readiness: an exec probe on a file. Pods join the endpoints only when ready,
# and terminating pods leave them at once while they finish in their slice.
kubectl apply -f readiness.yaml
kubectl get pods
kubectl get endpoints web
kubectl exec web-5c8b5874fb-8l62m -- touch /tmp/ready
kubectl get pods
sleep 5
kubectl get pods
kubectl get endpoints web
kubectl exec web-5c8b5874fb-8l62m -- cat /tmp/ready
kubectl exec web-5c8b5874fb-8l62m -- rm /tmp/ready
sleep 10
kubectl get pods
sleep 5
kubectl get pods
kubectl get endpoints web
kubectl describe pod web-5c8b5874fb-8l62m
