# kubectl get's other printers: jsonpath, custom-columns, --sort-by, -L label columns, several TYPE/NAME arguments; kubectl label by selector.
kubectl apply -f app.yaml
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.podIP}{"\n"}{end}'
kubectl get pod client -o jsonpath='{.metadata.labels}'
kubectl get svc web -o=jsonpath='{.spec.clusterIP}:{.spec.ports[0].port}{"\n"}'
kubectl get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}'
kubectl get pod client -o jsonpath='{.spec.containers[1].name}'
kubectl get pods -o jsonpath='{.items[0'
kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName
kubectl get svc -o custom-columns=NAME:.metadata.name,SELECTOR:.spec.selector,PORTS:.spec.ports[*].port
kubectl get pods -o wide --sort-by=.status.podIP
kubectl get pods --sort-by=.spec.nodeName
kubectl get pods --sort-by=.status.hostname
kubectl get pod/client svc/web deploy/web
kubectl get pod/client web
kubectl get pods -o json --show-labels
kubectl label pods -l app=web tier=backend
kubectl get pods -l tier=backend -o name
kubectl get pods -L app,tier
kubectl get pods -o wide -L tier -L pod-template-hash --show-labels
kubectl label pod client
kubectl scale --replicas=1
