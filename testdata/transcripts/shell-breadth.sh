# What tutorials take for granted of a terminal: flags before the verb,
# several kinds and files at once, grep with context, variables that last.
kubectl apply -f app.yaml,manifests
ls manifests
kubectl -n team-a get pods
kubectl --namespace=team-a get pod greeter -o name
kubectl --context kind-kind get svc,deploy
kubectl --context kind-lab get pods
kubectl get pods -n kube-system | grep -c coredns
kubectl describe svc web | grep -A2 -e Selector -e ^IP:
kubectl describe svc web | grep -E -o '10\.[0-9]+(\.[0-9]+){2}'
kubectl get pods -o wide | grep -v -w client | grep -i NAME
kubectl get pods --no-headers | grep -B1 client
NS=team-a
export SVC=web
kubectl get pods -n $NS -o jsonpath='{.items[*].metadata.name}'; echo
echo "${SVC} in ${NS:-default}, ${MISSING:-nothing missing}, $((2 * 40)) is the port"
count=0; for p in $(kubectl get pods -o name); do count=$((count + 1)); done; echo "$count pods"
if [ "$count" -gt 3 ]; then echo many; else echo few; fi
kubectl exec client -- sh -c 'for f in /etc/hostname /etc/resolv.conf; do grep -c . $f; done'
kubectl exec -it client -- sh
N=$(hostname)
echo "inside $N, web is $WEB_SERVICE_HOST"
exit
echo "back on the workstation: [$N]"
kubectl delete -f manifests
kubectl delete svc,deploy web
echo ${oops
