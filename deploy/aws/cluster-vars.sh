#!/usr/bin/env bash
# Prints the ConfigMap flux-system/cellguard-aws of one cluster: the values Flux substitutes into that
# cluster's overlay (postBuild.substituteFrom in deploy/flux/clusters/<cluster>/cellguard.yaml). They
# come from the CloudFormation stacks of deploy/aws, from the ARC cluster, and from six inputs your
# organisation chooses. Nothing here is secret.
#
# Usage, with AWS credentials for the account and the cluster's kubectl context:
#   export JWT_ISSUER=https://idp.example.com/realms/ops
#   export JWT_JWKS_URL=https://idp.example.com/realms/ops/protocol/openid-connect/certs
#   export APP_HEALTH_URL_US_WEST_2=https://orders.us-west-2.example.com/health    # what the monitors probe
#   export APP_HEALTH_URL_EU_WEST_1=https://orders.eu-west-1.example.com/health
#   export APP_LOAD_BALANCER_ARN_US_WEST_2=arn:aws:elasticloadbalancing:us-west-2:...:loadbalancer/app/orders/...
#   export APP_LOAD_BALANCER_ARN_EU_WEST_1=arn:aws:elasticloadbalancing:eu-west-1:...:loadbalancer/app/orders/...
#   deploy/aws/cluster-vars.sh us-west-2 | kubectl apply -f -
#
# Every "put" line names one variable and where its value comes from; deploy-checks reads these lines
# and fails when an overlay uses a variable no line provides, or a line reads an output no template has.
set -euo pipefail
shopt -s inherit_errexit # a failing lookup inside $(...) stops the script too

cluster=${1:?usage: cluster-vars.sh us-west-2|eu-west-1}
case "$cluster" in
  us-west-2 | eu-west-1) ;;
  *) echo "unknown cluster: $cluster (us-west-2 or eu-west-1)" >&2; exit 2 ;;
esac
home=us-west-2 # where the stacks cellguard-arc, cellguard-iam-<cluster> and cellguard-audit-db live

# output <stack> <output key>: an output of a stack in the home Region.
output() {
  local value
  value=$(aws cloudformation describe-stacks --region "$home" --stack-name "$1" \
    --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue | [0]" --output text)
  if [ -z "$value" ] || [ "$value" = None ]; then
    echo "stack $1 has no output $2" >&2
    exit 1
  fi
  printf '%s' "$value"
}

# arc_endpoint <Region>: the ARC cluster's data-plane endpoint in that Region.
arc_endpoint() {
  local cluster_arn value
  cluster_arn=$(output cellguard-arc ClusterArn)
  value=$(aws route53-recovery-control-config describe-cluster --region "$home" --cluster-arn "$cluster_arn" \
    --query "Cluster.ClusterEndpoints[?Region=='$1'].Endpoint | [0]" --output text)
  if [ -z "$value" ] || [ "$value" = None ]; then
    echo "the ARC cluster has no endpoint in $1" >&2
    exit 1
  fi
  printf '%s' "$value"
}

# input <environment variable>: a value your organisation chooses.
input() {
  if [ -z "${!1:-}" ]; then
    echo "set $1 (see the top of $0)" >&2
    exit 1
  fi
  printf '%s' "${!1}"
}

# registry: this cluster's Region's ECR registry, where its images are pulled from.
registry() {
  printf '%s.dkr.ecr.%s.amazonaws.com' "$(aws sts get-caller-identity --query Account --output text)" "$cluster"
}

literals=()
# put <variable> <source> [arguments]
put() {
  local name=$1 value
  shift
  value=$("$@")
  literals+=("--from-literal=$name=$value")
}

put ecr_registry                               registry
put readiness_monitor_role_arn                 output "cellguard-iam-$cluster" ReadinessMonitorRoleArn
put failover_orchestrator_role_arn             output "cellguard-iam-$cluster" FailoverOrchestratorRoleArn
put audit_service_role_arn                     output "cellguard-iam-$cluster" AuditServiceRoleArn
put routing_control_us_west_2_arn              output cellguard-arc RoutingControlUsWest2Arn
put routing_control_eu_west_1_arn              output cellguard-arc RoutingControlEuWest1Arn
put kill_switch_arn                            output cellguard-arc KillSwitchArn
put safety_rule_no_fail_open_arn               output cellguard-arc NoFailOpenArn
put safety_rule_at_most_one_region_active_arn  output cellguard-arc AtMostOneRegionActiveArn
put safety_rule_automation_kill_switch_arn     output cellguard-arc AutomationKillSwitchArn
put arc_endpoint_us_east_1                     arc_endpoint us-east-1
put arc_endpoint_us_west_2                     arc_endpoint us-west-2
put arc_endpoint_eu_west_1                     arc_endpoint eu-west-1
put arc_endpoint_ap_southeast_2                arc_endpoint ap-southeast-2
put arc_endpoint_ap_northeast_1                arc_endpoint ap-northeast-1
put audit_db_host                              output cellguard-audit-db WriterEndpoint
put audit_db_port                              output cellguard-audit-db Port
put audit_db_name                              output cellguard-audit-db DatabaseName
put jwt_issuer                                 input JWT_ISSUER
put jwt_jwks_url                               input JWT_JWKS_URL
put app_health_url_us_west_2                   input APP_HEALTH_URL_US_WEST_2
put app_health_url_eu_west_1                   input APP_HEALTH_URL_EU_WEST_1
put app_load_balancer_arn_us_west_2            input APP_LOAD_BALANCER_ARN_US_WEST_2
put app_load_balancer_arn_eu_west_1            input APP_LOAD_BALANCER_ARN_EU_WEST_1

kubectl create configmap cellguard-aws --namespace flux-system "${literals[@]}" --dry-run=client -o yaml
