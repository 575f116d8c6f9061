# describe for nodes, EndpointSlices, and Services of the types whose layout differs.
kubectl describe node kind-worker
kubectl describe endpointslice kubernetes
kubectl describe endpointslice -n kube-system
kubectl apply -f services.yaml
kubectl describe svc docs
kubectl describe svc sticky
kubectl get svc docs -o yaml
