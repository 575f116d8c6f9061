# What a container sees: resolv.conf, hosts, hostname and the Service
# variables taken when it started.
kubectl apply -f app.yaml
kubectl exec client -- cat /etc/resolv.conf
kubectl exec client -- cat /etc/hosts
kubectl exec client -- hostname
kubectl exec client -- env
# The service account volume every pod gets: the kubelet's atomic writer behind ..data.
kubectl exec client -- ls /var/run/secrets/kubernetes.io/serviceaccount
kubectl exec client -- ls -la /var/run/secrets/kubernetes.io/serviceaccount
kubectl exec client -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace
