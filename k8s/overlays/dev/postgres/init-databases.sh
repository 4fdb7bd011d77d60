#!/bin/bash
# DEV ONLY. Run once by the postgres image's entrypoint when the data volume is empty: one database per service,
# owned by that service's own login role, with the user and password from the service's Secret (the StatefulSet
# passes them as <SERVICE>_DB_NAME, <SERVICE>_DB_USER, <SERVICE>_DB_PASSWORD). No service can open another's database.
set -euo pipefail
for service in CONSENT REQUEST RETENTION THIRDPARTY INCIDENT; do
  db_var="${service}_DB_NAME" user_var="${service}_DB_USER" password_var="${service}_DB_PASSWORD"
  echo "creating database ${!db_var} owned by ${!user_var}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="${!db_var}" -v owner="${!user_var}" -v password="${!password_var}" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
