#!/usr/bin/env bash
# Code-health counts at the top of docs/ARCHITECTURE.md, for production code under src/main/java, or with
# --tests for the tests under src/test/java (lengths of classes, methods and JUnit test methods only).
# Usage: scripts/code-health.sh [--tests] [--list]   (--list also names the offenders)
set -euo pipefail
cd "$(dirname "$0")/.."
src=src/main/java
list=
for arg in "$@"; do
	case "$arg" in
	--tests) src=src/test/java ;;
	--list) list=--list ;;
	*) echo "usage: scripts/code-health.sh [--tests] [--list]" >&2; exit 2 ;;
	esac
done

if [ "$src" = src/test/java ]; then
	# Tests: lengths only (a test method over 60 lines checks more than one behaviour).
	java scripts/CodeHealth.java "$src" $list
	exit 0
fi

# Lengths of classes and methods, parsed with the JDK's compiler API.
java scripts/CodeHealth.java "$src" $list | sed -n '1,2p'

# SQL outside repositories: classes that use JdbcClient but are not a *Repository (the whole word, so the
# CLI's list of kept auto-configurations, which names JdbcClientAutoConfiguration, does not count).
jdbc_users=$(grep -rlw 'JdbcClient' "$src" --include='*.java' | grep -v 'Repository\.java$' | sort || true)
# Hand-made background work: own executors and threads, Spring @Scheduled.
executors=$(grep -rlE 'Executors\.new|new Thread\(|@Scheduled|ScheduledExecutorService' "$src" --include='*.java' | sort || true)
# HTML controllers (every controller under a web package but the JSON API's) catching refusals one by one
# instead of leaving them to the page error advice (web/PageErrorAdvice): a refusal is a DomainProblem or
# its superclass ErrorResponseException.
page_controllers=$(find "$src" -path '*/web/*Controller.java' ! -name '*ApiController.java' | sort)
catches=$(cat $page_controllers | grep -cE 'catch \((DomainProblem|ErrorResponseException)' || true)

echo "non-repository JdbcClient users: $(echo -n "$jdbc_users" | grep -c . || true)"
echo "classes with their own executor, thread or @Scheduled: $(echo -n "$executors" | grep -c . || true)"
echo "refusals caught in page controllers ('catch (DomainProblem|ErrorResponseException'): $catches"
if [ "$list" = "--list" ]; then
	java scripts/CodeHealth.java "$src" --list | sed '1,3d'
	echo; echo "non-repository JdbcClient users:"; echo "$jdbc_users"
	echo; echo "own executors, threads, @Scheduled:"; echo "$executors"
	echo; echo "refusals caught in page controllers:"
	grep -nE 'catch \((DomainProblem|ErrorResponseException)' $page_controllers | sed "s|^$src/||"
fi
