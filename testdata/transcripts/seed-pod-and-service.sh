# A seed's first walk: a Pod gets its IP from the CNI before any Service exists;
# a Service gets a stable ClusterIP and an Endpoints list of pod IP:targetPort.
# The seed's Service targets 8080 while nginx listens on 80: the endpoint is
# listed, yet a request through the Service is refused (the trap the seed's
# troubleshooting list names), and the pod's own port 80 answers.
kubectl apply -f seed-pod-and-service.yaml
kubectl get pod my-pod -o wide
kubectl get svc my-service
kubectl get endpoints my-service
kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600
kubectl exec client -- wget -qO- -T 2 http://my-service/
IP=$(kubectl get pod my-pod -o jsonpath='{.status.podIP}')
kubectl exec client -- wget -qO- -T 2 http://$IP:80/ | grep title
kubectl patch svc my-service -p '{"spec":{"ports":[{"port":80,"targetPort":80,"protocol":"TCP"}]}}'
kubectl get endpoints my-service
kubectl exec client -- wget -qO- -T 2 http://my-service/ | grep title
