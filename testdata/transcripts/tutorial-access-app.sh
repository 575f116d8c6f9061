# kubernetes.io "Use a Service to Access an Application in a Cluster", on kind:
# the Deployment applied from its URL, exposed as a NodePort, reached on a node's
# address from the workstation (kind's nodes are the docker network's 172.18.0.x;
# the tutorial's <public-node-ip> is a cloud node's). Then the same by a
# here-document, as other kubernetes.io pages write manifests.
kubectl apply -f https://k8s.io/examples/service/access/hello-application.yaml
kubectl get deployments hello-world
kubectl get replicasets
kubectl expose deployment hello-world --type=NodePort --name=example-service
kubectl describe services example-service
kubectl get pods --selector="run=load-balancer-example" --output=wide
NODE_IP=$(kubectl get node kind-worker -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')
NODE_PORT=$(kubectl get svc example-service -o jsonpath='{.spec.ports[0].nodePort}')
curl -s http://$NODE_IP:$NODE_PORT
kubectl delete services example-service
kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: example-service
spec:
  type: NodePort
  selector:
    run: load-balancer-example
  ports:
  - port: 8080
    nodePort: 30080
EOF
curl -s http://$NODE_IP:30080
kubectl delete services example-service
kubectl delete deployment hello-world
