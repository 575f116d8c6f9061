# Two containers in one pod share its IP and its localhost: the sidecar reaches
# the server on localhost, and kubectl picks the first container when none is named.
kubectl apply -f multi-container.yaml
kubectl get pods -o wide
kubectl exec duo -c sidecar -- curl -s http://localhost:9376/
kubectl exec duo -c sidecar -- curl -s http://10.244.2.2:9376/
kubectl exec duo -- curl http://localhost:8080/
kubectl logs duo
kubectl logs duo -c sidecar
