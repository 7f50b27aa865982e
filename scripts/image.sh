#!/usr/bin/env bash
# Priora's container image FROM scratch (deploy/Containerfile): a Java runtime made by jlink from the build's JDK,
# the C libraries that runtime and the jar's native libraries (OR-Tools, ONNX Runtime) link to, an unprivileged user
# (10001) and target/priora.jar. No registry is needed. See docs/OPERATIONS.md, "Container image".
#
# Usage: scripts/image.sh build [TAG]   lay out target/image and build TAG (default priora:scratch) with podman
#        scripts/image.sh check [TAG]   save TAG to target/priora-image.tar, load it back, run it and ask
#                                       /actuator/health (and the image's own HEALTHCHECK); exit 0 when UP
# Needs target/priora.jar (./mvnw package -DskipTests), a JDK with jmods (JAVA_HOME, else the one `java` is from),
# ldd, unzip and podman. On machines whose cgroups crun cannot drive, run as root; the check passes
# --runtime runc --network=host and small ulimits (PRIORA_PODMAN_RUN_OPTS to change them).
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:-build}
tag=${2:-priora:scratch}
out=target/image
run_opts=${PRIORA_PODMAN_RUN_OPTS:---runtime runc --network=host --ulimit nofile=1024:1024 --ulimit nproc=1024:1024}
# what Spring Boot, Tomcat, the JDBC drivers, mail, Micrometer, Lucene and the JFR need; nothing else
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

log() { echo "image.sh: $*" >&2; }

# the libraries (and the dynamic loader) the given ELF files need, one absolute path a line
needed() {
	for f in "$@"; do ldd "$f" 2>/dev/null || true; done |
		awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u
}

build() {
	[ -f target/priora.jar ] || { log "no target/priora.jar: run ./mvnw package -DskipTests first"; exit 2; }
	local jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
	[ -d "$jdk/jmods" ] || { log "$jdk has no jmods: set JAVA_HOME to a full JDK"; exit 2; }
	rm -rf "$out"
	mkdir -p "$out/rootfs/opt/priora" "$out/rootfs/etc" "$out/data" "$out/natives"
	log "jlink from $jdk"
	"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
		--output "$out/rootfs/opt/java"
	cp target/priora.jar "$out/rootfs/opt/priora/priora.jar"
	# the jar's native libraries for this platform, only to learn what they link to
	local lib
	for lib in $(unzip -Z1 target/priora.jar 'BOOT-INF/lib/*.jar'); do
		unzip -p target/priora.jar "$lib" >"$out/natives/lib.jar"
		unzip -Z1 "$out/natives/lib.jar" 2>/dev/null | grep -Ei 'linux.*(x86[-_]?64|amd64|x64).*\.so[.0-9]*$' |
			while read -r so; do unzip -o -j -q "$out/natives/lib.jar" "$so" -d "$out/natives"; done || true
	done
	local elves
	mapfile -t elves < <(echo "$out/rootfs/opt/java/bin/java"
		find "$out/rootfs/opt/java/lib" "$out/natives" -name '*.so*' -type f)
	local libs
	libs=$(needed "${elves[@]}"; ls /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
		/lib/x86_64-linux-gnu/libresolv.so.2 2>/dev/null || true)
	for lib in $libs; do
		case "$lib" in "$PWD"/*|"$out"/*|*/opt/java/*) continue ;; esac
		cp -L --parents "$lib" "$out/rootfs/"
	done
	rm -rf "$out/natives"
	printf 'root:x:0:0:root:/root:/sbin/nologin\npriora:x:10001:10001:Priora:/var/lib/priora:/sbin/nologin\n' \
		>"$out/rootfs/etc/passwd"
	printf 'root:x:0:\npriora:x:10001:\n' >"$out/rootfs/etc/group"
	printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$out/rootfs/etc/nsswitch.conf"
	log "runtime $(du -sh "$out/rootfs/opt/java" | cut -f1), libraries: $(echo $libs | wc -w)"
	# docker format: the OCI format has no HEALTHCHECK
	podman build --format docker -f deploy/Containerfile -t "$tag" "$out"
	log "built $tag ($(podman image inspect --format '{{.Size}}' "$tag") bytes)"
}

check() {
	local port=${PRIORA_CHECK_PORT:-18089} data cid status=1
	rm -f target/priora-image.tar
	podman save -o target/priora-image.tar "$tag"
	podman rmi -f "$tag" >/dev/null
	podman load -i target/priora-image.tar >&2
	data=$(mktemp -d)
	chown 10001:10001 "$data" 2>/dev/null || chmod 777 "$data"
	# shellcheck disable=SC2086
	cid=$(podman run -d $run_opts -e PORT="$port" -e PRIORA_DEMO=false -v "$data":/var/lib/priora "$tag")
	log "started $cid on port $port"
	for _ in $(seq 1 150); do
		if body=$(curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null); then
			echo "$body"
			status=0
			break
		fi
		if [ "$(podman inspect --format '{{.State.Running}}' "$cid")" != true ]; then
			log "the container stopped"
			break
		fi
		sleep 2
	done
	if [ $status -eq 0 ]; then
		if podman healthcheck run "$cid" >&2; then log "HEALTHCHECK (priora.jar health): healthy"; else
			log "HEALTHCHECK failed"; status=1; fi
		log "user in the container: $(podman top "$cid" user huser | tail -1)"
	fi
	podman logs "$cid" 2>&1 | tail -20 >&2
	podman rm -f "$cid" >/dev/null
	rm -rf "$data"
	[ $status -eq 0 ] && log "UP" || log "NOT UP"
	return $status
}

case "$cmd" in
build) build ;;
check) check ;;
*) echo "usage: scripts/image.sh build|check [TAG]" >&2; exit 2 ;;
esac
