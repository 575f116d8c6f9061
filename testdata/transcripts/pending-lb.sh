# Plain kind has no load balancer controller: EXTERNAL-IP stays <pending>,
# but the nodePort works.
kubectl apply -f app.yaml
kubectl apply -f lb.yaml
kubectl get svc web-lb
curl -s http://172.18.0.3:32081/
