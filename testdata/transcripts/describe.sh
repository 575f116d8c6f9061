# describe for nodes, EndpointSlices.
kubectl describe node kind-worker
kubectl describe endpointslice kubernetes
kubectl describe endpointslice -n kube-system
