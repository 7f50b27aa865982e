#!/usr/bin/env bash
# Code-health counts at the top of docs/ARCHITECTURE.md, for production code under src/main/java.
# Usage: scripts/code-health.sh [--list]   (--list also names the offenders)
set -euo pipefail
cd "$(dirname "$0")/.."
src=src/main/java
list=${1:-}

# Lengths of classes and methods, parsed with the JDK's compiler API.
java scripts/CodeHealth.java "$src" $list | sed -n '1,2p'

# SQL outside repositories: classes that use JdbcClient but are not a *Repository (the whole word, so the
# CLI's list of kept auto-configurations, which names JdbcClientAutoConfiguration, does not count).
jdbc_users=$(grep -rlw 'JdbcClient' "$src" --include='*.java' | grep -v 'Repository\.java$' | sort || true)
# Hand-made background work: own executors and threads, Spring @Scheduled.
executors=$(grep -rlE 'Executors\.new|new Thread\(|@Scheduled|ScheduledExecutorService' "$src" --include='*.java' | sort || true)
# Page controllers catching domain problems one by one.
catches=$(cat $(find "$src" -name '*PageController.java') | grep -c 'catch (BacklogProblem' || true)

echo "non-repository JdbcClient users: $(echo -n "$jdbc_users" | grep -c . || true)"
echo "classes with their own executor, thread or @Scheduled: $(echo -n "$executors" | grep -c . || true)"
echo "'catch (BacklogProblem' in page controllers: $catches"
if [ "$list" = "--list" ]; then
	java scripts/CodeHealth.java "$src" --list | sed '1,2d'
	echo; echo "non-repository JdbcClient users:"; echo "$jdbc_users"
	echo; echo "own executors, threads, @Scheduled:"; echo "$executors"
fi
