#!/usr/bin/env bash
# Mail drain under a crash (docs/BENCHMARKS.md, "Mail drain"): [count] mails queued in the outbox drain to a local SMTP
# sink (GreenMail, dev.priora.bench.MailSink); the Priora node is killed with SIGKILL when [kill-at] have arrived and
# started again; the sink counts what arrived by Message-ID (expected: count distinct; a mail the server accepted but
# whose "sent" mark was lost in the kill is sent again when its lease ends, and shows as doubled).
# Usage: [MVN=./mvnw] [LEASE=20s] scripts/bench-mail-drain.sh [count=10000] [kill-at=4000]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
kill_at=${2:-4000}
lease=${LEASE:-20s}
mvn=${MVN:-./mvnw}
if [ "${SKIP_BUILD:-}" != 1 ]; then
  $mvn -q -B -DskipTests package
  $mvn -q -B test-compile
  $mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
smtp=$(free_port)
http=$(free_port)
db="jdbc:h2:file:$work/priora;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

server() { # $1: with mail (1) or without (0)
  local mail=()
  if [ "$1" = 1 ]; then
    mail=(--spring.mail.host=127.0.0.1 --spring.mail.port="$smtp" --priora.mail.from=bench@example.test)
  fi
  java -Xmx512m -jar target/priora.jar --priora.data-dir="$work" --spring.datasource.url="$db" --server.port="$http" \
    --priora.demo.enabled=false --priora.admin.password=bench-password --priora.base-url="http://127.0.0.1:$http" \
    --priora.mail.lease="$lease" --logging.level.root=WARN "${mail[@]}" >> "$work/server.log" 2>&1 &
  echo $!
}
up() { until curl -fs "http://127.0.0.1:$http/actuator/health" > /dev/null; do sleep 0.2; done; }
sink() { cat "$work/sink.txt" 2>/dev/null || echo "received=0 distinct=0 doubled=0 ms=0"; }
field() { sink | tr ' ' '\n' | sed -n "s/^$1=//p"; }

java -cp "$cp" dev.priora.bench.MailSink "$smtp" "$work/sink.txt" > "$work/sink.log" 2>&1 &
pids+=($!)

echo "schema: first start without mail"
pid=$(server 0); pids+=("$pid"); up; kill "$pid"; wait "$pid" 2>/dev/null || true

echo "queueing $count mails"
cat > "$work/queue.sql" <<SQL
insert into mail_outbox (message_id, kind, recipient, subject, body_text, body_html, state, attempts, next_attempt_at,
                         created_at)
select '<bench-' || "X" || '@bench.test>', 'bench', 'sink@bench.test', 'Bench mail ' || "X", 'Mail ' || "X",
       '<p>Mail ' || "X" || '</p>', 'QUEUED', 0, current_timestamp, current_timestamp
from system_range(1, $count);
SQL
java -cp "$cp" org.h2.tools.RunScript -url "$db" -user sa -script "$work/queue.sql"

echo "draining; SIGKILL when $kill_at have arrived"
start=$(date +%s%N)
pid=$(server 1); pids+=("$pid")
until [ "$(field received)" -ge "$kill_at" ]; do sleep 0.1; done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
killed=$(date +%s%N)
echo "killed at: $(sink)"
pid=$(server 1); pids+=("$pid"); up
restarted=$(date +%s%N)
until [ "$(field distinct)" -ge "$count" ]; do sleep 0.2; done
drained=$(date +%s%N)
echo "all distinct arrived: $(sink)"
echo "waiting out the lease ($lease) and 5 s more, for a mail sent again"
sleep "$(( ${lease%s} + 5 ))"
token=$(curl -fs -u admin@localhost:bench-password -H 'Content-Type: application/json' \
  -d '{"name":"bench","readOnly":true}' "http://127.0.0.1:$http/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
counts=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$http/api/v1/admin/mail?limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"]["counts"])')
ms() { echo $(( ($2 - $1) / 1000000 )); }
echo "final: $(sink)"
echo "outbox: $counts"
echo "time: killed after $(ms "$start" "$killed") ms, restart to health $(ms "$killed" "$restarted") ms," \
  "all $count in $(ms "$start" "$drained") ms ($(( count * 1000 / ($(ms "$start" "$drained") + 1) )) mails/s overall)"
echo "machine: $(nproc) cores, $(cut -d' ' -f1-3 /proc/loadavg) load"
rm -rf "$work"
