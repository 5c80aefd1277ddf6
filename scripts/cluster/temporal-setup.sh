#!/bin/sh
# Temporal's two databases and the `default` namespace: the same steps for `npm run cluster`
# (scripts/cluster.ts, with the binaries built into .tools/bin) and docker-compose.yml (the
# temporalio/admin-tools image). Every step is idempotent: run it on every start.
#
#   temporal-setup.sh schema      POSTGRES_SEEDS, DB_PORT, POSTGRES_USER, POSTGRES_PWD
#                                 [SQL_TOOL=temporal-sql-tool] [SCHEMA_DIR=/etc/temporal/schema]
#                                 [DBNAME=temporal] [VISIBILITY_DBNAME=temporal_visibility]
#   temporal-setup.sh namespace   TEMPORAL_ADDRESS [TEMPORAL_CLI=temporal] [DEFAULT_NAMESPACE=default]
#                                 [NAMESPACE_RETENTION=720h]
set -eu

schema() {
  : "${SQL_TOOL:=temporal-sql-tool}" "${SCHEMA_DIR:=/etc/temporal/schema}"
  # The tool reads the password from the environment: it stays out of the process list.
  SQL_PASSWORD="$POSTGRES_PWD"
  export SQL_PASSWORD
  for pair in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
    db=${pair%%:*}
    kind=${pair##*:}
    echo "temporal-setup: database $db ($kind schema)"
    "$SQL_TOOL" --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" --db "$db" create-database
    "$SQL_TOOL" --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" --db "$db" setup-schema -v 0.0
    "$SQL_TOOL" --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" --db "$db" update-schema -d "$SCHEMA_DIR/postgresql/v12/$kind/versioned"
  done
}

namespace() {
  : "${TEMPORAL_CLI:=temporal}" "${DEFAULT_NAMESPACE:=default}" "${NAMESPACE_RETENTION:=720h}"
  # A new cluster has no namespace; the frontend may answer before history owns its shards: retry.
  tries=0
  until "$TEMPORAL_CLI" operator namespace describe -n "$DEFAULT_NAMESPACE" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 ||
    "$TEMPORAL_CLI" operator namespace create -n "$DEFAULT_NAMESPACE" --retention "$NAMESPACE_RETENTION" --address "$TEMPORAL_ADDRESS"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
      echo "temporal-setup: could not create namespace $DEFAULT_NAMESPACE at $TEMPORAL_ADDRESS" >&2
      exit 1
    fi
    sleep 2
  done
  echo "temporal-setup: namespace $DEFAULT_NAMESPACE ready"
}

case "${1:-}" in
  schema) schema ;;
  namespace) namespace ;;
  *) echo "usage: $0 schema|namespace" >&2; exit 2 ;;
esac
