# Changing a Deployment: patch, set image, rollout status/history/undo/restart.
kubectl apply -f app.yaml
kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'
kubectl get svc web
kubectl set image deployment/web app=registry.k8s.io/e2e-test-images/agnhost:2.48
kubectl rollout status deployment/web
kubectl get rs
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
kubectl get rs
kubectl rollout restart deployment/web
kubectl get events --field-selector involvedObject.kind=Deployment
kubectl exec deploy/web -- printenv WEB_SERVICE_HOST
