# kubectl port-forward from the workstation: to a Service (its targetPort, on one pod), a Deployment
# and a StatefulSet pod, in the background as bash jobs; curl on localhost reaches the pod.
kubectl apply -f app.yaml
kubectl apply -f statefulset-web.yaml
kubectl port-forward svc/web 8080:80 &
curl localhost:8080
curl -s localhost:8080
kubectl port-forward pod/web-0 8081:web --address 127.0.0.1 &
curl -s http://127.0.0.1:8081/
jobs
kubectl port-forward svc/web 8080:80 &
kubectl port-forward svc/web 80
kubectl port-forward svc/web 8082:8080
kubectl port-forward deploy/web 8083:9376
kill %1
curl -s localhost:8080; echo "curl exit $?"
kubectl delete pod web-0
jobs
