# kubernetes.io "Connecting Applications with Services" (content/en/docs/tutorials/services/connect-applications-service.md),
# replayed step by step: pods, expose, environment variables, DNS, then TLS with a Secret and a ConfigMap.
# `make keys` runs openssl, which the simulator has not: the workstation holds the pair it makes at
# /tmp/nginx.key and /tmp/nginx.crt (CN=my-nginx), so the Secret is made with kubectl create secret tls.
kubectl apply -f tutorials/run-my-nginx.yaml
kubectl get pods -l run=my-nginx -o wide
kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs
kubectl expose deployment/my-nginx
kubectl get svc my-nginx
kubectl describe svc my-nginx
kubectl get endpointslices -l kubernetes.io/service-name=my-nginx
kubectl exec $(kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].metadata.name}') -- printenv | grep SERVICE
kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;
sleep 35
kubectl get pods -l run=my-nginx -o wide
kubectl exec $(kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].metadata.name}') -- printenv | grep SERVICE
kubectl get services kube-dns --namespace=kube-system
kubectl run curl --image=radial/busyboxplus:curl --restart=Never --command -- sleep 3600
kubectl run dns --image=registry.k8s.io/e2e-test-images/agnhost:2.47 --restart=Never -- pause
kubectl exec dns -- nslookup my-nginx
kubectl exec curl -- curl -s http://my-nginx/ | grep title
kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt
kubectl create configmap nginxconfigmap --from-file=tutorials/default.conf
kubectl get configmaps
kubectl get secrets
kubectl delete deployments,svc my-nginx
kubectl apply -f tutorials/nginx-secure-app.yaml
sleep 35
kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs
kubectl exec curl -- curl -sk https://$(kubectl get pods -l run=my-nginx -o jsonpath='{.items[0].status.podIP}') | grep h1
kubectl exec curl -- curl -sS https://my-nginx
kubectl exec curl -- curl -sS http://my-nginx:443/
kubectl apply -f tutorials/curlpod.yaml
kubectl get pods -l app=curlpod
kubectl exec deploy/curl-deployment -- curl -s https://my-nginx --cacert /etc/nginx/ssl/tls.crt | grep title
kubectl exec deploy/curl-deployment -- curl -sS https://my-nginx.default.svc.cluster.local --cacert /etc/nginx/ssl/tls.crt
kubectl exec deploy/curl-deployment -- curl -sS https://my-nginx --cacert /etc/nginx/ssl/missing.crt
kubectl get svc my-nginx -o yaml | grep nodePort -C 5
kubectl get nodes -o wide
curl -sk https://$(kubectl get nodes kind-worker -o jsonpath='{.status.addresses[0].address}'):$(kubectl get svc my-nginx -o jsonpath='{.spec.ports[1].nodePort}') | grep h1
