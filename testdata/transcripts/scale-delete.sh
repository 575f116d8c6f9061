# Scaling and deleting: the endpoints follow the pods.
kubectl apply -f app.yaml
kubectl scale deployment web --replicas=5
kubectl get deploy web
kubectl get pods -l app=web --show-labels
kubectl get endpoints web
kubectl scale deploy/web --replicas=1
kubectl get endpointslices
kubectl delete pod client
kubectl delete deploy web
kubectl get pods
kubectl get pods -A -l app=web
kubectl delete svc web
kubectl get svc
