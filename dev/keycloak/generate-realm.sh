#!/usr/bin/env bash
# Writes dev/keycloak/mamori-realm.json, the demo realm that bin/mamori (and the e2e tests) import into Keycloak.
# Run it after changing the tenants, roles or clients below, then commit the JSON.
#
#   dev/keycloak/generate-realm.sh            # writes the JSON next to this script
#   dev/keycloak/generate-realm.sh -          # prints it instead
#
# What the realm holds (the contract with the services):
#   - realm roles: client-system, privacy-officer, operator, auditor, service
#   - for each tenant T and each role R except service: a confidential client "T-R" (client-credentials only), secret
#     "T-R-secret"; its service-account user has realm role R; the access token carries realm_access.roles (R),
#     the String claim tenant=T and, for tenants in a company group, the String claim group=<group>
#   - a client per service (consent-service, ...), secret "<name>-secret", realm role service, no tenant claim
#     (privacy-center too: the public pages call the services with their own token, naming the tenant)
#   - demo people signing in to the staff console (client "console", authorization-code flow, secret
#     "console-secret"), password = user name; their access tokens carry realm_access.roles, the tenant (String),
#     or for staff serving several client companies the list claim tenants, and group, from user attributes:
#       officer.a (privacy-officer, tenant-a), operator.a (operator, tenant-a), auditor.a (auditor, tenant-a),
#       officer.b (privacy-officer, tenant-b), officer.c (privacy-officer, tenant-c),
#       operator.bpo (operator, tenants = tenant-a and tenant-b: chooses one in the console)
# The secrets are for a local demo only: never import this realm anywhere reachable from outside.
set -euo pipefail

ROLES=(client-system privacy-officer operator auditor)
TENANTS=(tenant-a tenant-b tenant-c)
declare -A GROUP_OF=([tenant-a]=group-ab [tenant-b]=group-ab)
SERVICES=(consent-service request-service retention-service thirdparty-service incident-service privacy-center)
ACCESS_TOKEN_LIFESPAN=3600
# Demo people: user name -> "role tenants(comma-separated)". One tenant gives the tenant claim, several the tenants one.
PEOPLE=(officer.a operator.a auditor.a officer.b officer.c operator.bpo)
declare -A PERSON=(
  [officer.a]="privacy-officer tenant-a" [operator.a]="operator tenant-a" [auditor.a]="auditor tenant-a"
  [officer.b]="privacy-officer tenant-b" [officer.c]="privacy-officer tenant-c"
  [operator.bpo]="operator tenant-a,tenant-b")
# Where the console may send people back to after sign-in: bin/mamori (8090), the e2e suite and a console test (8091).
CONSOLE_REDIRECTS=(http://localhost:8090/* http://127.0.0.1:8090/* http://localhost:8091/*)

role_description() {
  case "$1" in
    client-system)   echo "A tenant's own business system calling the APIs" ;;
    privacy-officer) echo "The tenant's personal-information protection manager" ;;
    operator)        echo "Staff handling requests and records day to day" ;;
    auditor)         echo "Read-only access for internal audit (JIS Q 15001)" ;;
    service)         echo "Another Mamori service calling on its own behalf" ;;
  esac
}

hardcoded_claim() { # name value
  cat <<EOF
        {
          "name": "$1",
          "protocol": "openid-connect",
          "protocolMapper": "oidc-hardcoded-claim-mapper",
          "consentRequired": false,
          "config": {
            "claim.name": "$1",
            "claim.value": "$2",
            "jsonType.label": "String",
            "access.token.claim": "true",
            "id.token.claim": "false",
            "userinfo.token.claim": "false",
            "introspection.token.claim": "true",
            "lightweight.claim": "false"
          }
        }
EOF
}

client() { # clientId description mappers-json
  local mappers="[]"
  if [[ -n "$3" ]]; then mappers=$'[\n'"$3"$'\n      ]'; fi
  cat <<EOF
    {
      "clientId": "$1",
      "name": "$2",
      "enabled": true,
      "protocol": "openid-connect",
      "publicClient": false,
      "bearerOnly": false,
      "clientAuthenticatorType": "client-secret",
      "secret": "$1-secret",
      "serviceAccountsEnabled": true,
      "standardFlowEnabled": false,
      "implicitFlowEnabled": false,
      "directAccessGrantsEnabled": false,
      "frontchannelLogout": false,
      "fullScopeAllowed": true,
      "attributes": {
        "oauth2.device.authorization.grant.enabled": "false",
        "oidc.ciba.grant.enabled": "false"
      },
      "protocolMappers": $mappers
    }
EOF
}

service_account_user() { # clientId role
  cat <<EOF
    {
      "username": "service-account-$1",
      "enabled": true,
      "serviceAccountClientId": "$1",
      "realmRoles": ["$2"]
    }
EOF
}

attribute_claim() { # attribute/claim name, multivalued (true|false)
  cat <<EOF
        {
          "name": "$1",
          "protocol": "openid-connect",
          "protocolMapper": "oidc-usermodel-attribute-mapper",
          "consentRequired": false,
          "config": {
            "user.attribute": "$1",
            "claim.name": "$1",
            "jsonType.label": "String",
            "multivalued": "$2",
            "aggregate.attrs": "false",
            "access.token.claim": "true",
            "id.token.claim": "true",
            "userinfo.token.claim": "true",
            "introspection.token.claim": "true",
            "lightweight.claim": "false"
          }
        }
EOF
}

console_client() {
  local redirects logout
  redirects=$(printf '"%s", ' "${CONSOLE_REDIRECTS[@]}")
  logout=$(printf '%s##' "${CONSOLE_REDIRECTS[@]}")
  cat <<EOF
    {
      "clientId": "console",
      "name": "Staff console (demo)",
      "enabled": true,
      "protocol": "openid-connect",
      "publicClient": false,
      "bearerOnly": false,
      "clientAuthenticatorType": "client-secret",
      "secret": "console-secret",
      "serviceAccountsEnabled": false,
      "standardFlowEnabled": true,
      "implicitFlowEnabled": false,
      "directAccessGrantsEnabled": false,
      "frontchannelLogout": false,
      "fullScopeAllowed": true,
      "redirectUris": [${redirects%, }],
      "webOrigins": ["+"],
      "attributes": {
        "post.logout.redirect.uris": "${logout%##}",
        "oauth2.device.authorization.grant.enabled": "false",
        "oidc.ciba.grant.enabled": "false"
      },
      "protocolMappers": [
$(attribute_claim tenant false),
$(attribute_claim tenants true),
$(attribute_claim group false)
      ]
    }
EOF
}

person_user() { # username
  local role tenants attrs list group
  read -r role tenants <<< "${PERSON[$1]}"
  if [[ "$tenants" == *,* ]]; then
    list=$(printf '"%s", ' ${tenants//,/ })
    attrs='"tenants": ['"${list%, }"']'
  else
    attrs='"tenant": ["'"$tenants"'"]'
    group="${GROUP_OF[$tenants]:-}"
    if [[ -n "$group" ]]; then attrs+=', "group": ["'"$group"'"]'; fi
  fi
  cat <<EOF
    {
      "username": "$1",
      "enabled": true,
      "email": "$1@example.invalid",
      "emailVerified": true,
      "firstName": "${1%%.*}",
      "lastName": "${1#*.}",
      "attributes": { $attrs },
      "credentials": [{ "type": "password", "value": "$1", "temporary": false }],
      "realmRoles": ["$role"]
    }
EOF
}

join() { # separator, then items on stdin separated by NUL
  local sep="$1" first=1 item
  while IFS= read -r -d '' item; do
    if [[ $first == 1 ]]; then first=0; else printf '%s' "$sep"; fi
    printf '%s' "$item"
  done
}

generate() {
  local roles_json clients_json users_json
  roles_json=$(for r in "${ROLES[@]}" service; do
    printf '      { "name": "%s", "description": "%s" }\0' "$r" "$(role_description "$r")"
  done | join $',\n')

  clients_json=$(
    for t in "${TENANTS[@]}"; do
      for r in "${ROLES[@]}"; do
        mappers=$(hardcoded_claim tenant "$t")
        if [[ -n "${GROUP_OF[$t]:-}" ]]; then mappers+=$',\n'$(hardcoded_claim group "${GROUP_OF[$t]}"); fi
        printf '%s\0' "$(client "$t-$r" "$t / $r (demo)" "$mappers")"
      done
    done | join $',\n'
    for s in "${SERVICES[@]}"; do
      printf ',\n%s' "$(client "$s" "$s calling other services (demo)" "")"
    done
    printf ',\n%s' "$(console_client)"
  )

  users_json=$(
    for t in "${TENANTS[@]}"; do
      for r in "${ROLES[@]}"; do printf '%s\0' "$(service_account_user "$t-$r" "$r")"; done
    done | join $',\n'
    for s in "${SERVICES[@]}"; do printf ',\n%s' "$(service_account_user "$s" service)"; done
    for p in "${PEOPLE[@]}"; do printf ',\n%s' "$(person_user "$p")"; done
  )

  cat <<EOF
{
  "realm": "mamori",
  "displayName": "Mamori (local demo)",
  "enabled": true,
  "sslRequired": "none",
  "registrationAllowed": false,
  "loginWithEmailAllowed": false,
  "accessTokenLifespan": $ACCESS_TOKEN_LIFESPAN,
  "roles": {
    "realm": [
$roles_json
    ]
  },
  "clients": [
$clients_json
  ],
  "users": [
$users_json
  ],
  "components": {
    "org.keycloak.userprofile.UserProfileProvider": [
      {
        "providerId": "declarative-user-profile",
        "subComponents": {},
        "config": { "kc.user.profile.config": ["{\"attributes\":[{\"name\":\"username\",\"displayName\":\"\${username}\",\"permissions\":{\"view\":[\"admin\",\"user\"],\"edit\":[\"admin\"]},\"multivalued\":false},{\"name\":\"email\",\"displayName\":\"\${email}\",\"permissions\":{\"view\":[\"admin\",\"user\"],\"edit\":[\"admin\"]},\"multivalued\":false},{\"name\":\"firstName\",\"displayName\":\"\${firstName}\",\"permissions\":{\"view\":[\"admin\",\"user\"],\"edit\":[\"admin\"]},\"multivalued\":false},{\"name\":\"lastName\",\"displayName\":\"\${lastName}\",\"permissions\":{\"view\":[\"admin\",\"user\"],\"edit\":[\"admin\"]},\"multivalued\":false}],\"groups\":[],\"unmanagedAttributePolicy\":\"ADMIN_VIEW\"}"] }
      }
    ]
  }
}
EOF
}

out="$(dirname "$0")/mamori-realm.json"
if [[ "${1:-}" == "-" ]]; then
  generate
else
  generate > "$out.tmp" && mv "$out.tmp" "$out"
  echo "wrote $out"
fi
