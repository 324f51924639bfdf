/**
 * Readiness of resources in Kubernetes clusters, one cluster per cell: Deployments
 * ({@link dev.cellguard.monitor.resources.kubernetes.DeploymentCollector}) and Flux Kustomizations
 * ({@link dev.cellguard.monitor.resources.kubernetes.FluxKustomizationCollector}).
 *
 * <p>A resource is read from the cluster of the kubeconfig context named by its {@code context}
 * property, else by its cell's {@code kubernetesContext}, else the default context (current
 * kubeconfig context, or in-cluster). {@link dev.cellguard.monitor.resources.kubernetes.KubeconfigClients}
 * keeps one client per context. Start with
 * {@link dev.cellguard.monitor.resources.kubernetes.KubernetesCollectors#create}.
 */
package dev.cellguard.monitor.resources.kubernetes;
