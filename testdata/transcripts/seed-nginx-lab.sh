# A seed's hands-on lab: an nginx Deployment, its labels, a ClusterIP Service,
# its endpoints, and a throwaway busybox pod fetching the welcome page by name.
kubectl create deployment nginx --image=nginx --replicas=2
kubectl label pod -l app=nginx app=nginx --overwrite
kubectl expose deployment nginx --port=80 --target-port=80
kubectl get service nginx
kubectl get endpoints nginx
kubectl run busybox --rm -it --image=busybox -- sh
wget -qO- http://nginx/
exit
kubectl get pods --show-labels
kubectl describe service nginx
