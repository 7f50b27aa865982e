# Priora on the official Eclipse Temurin JRE, for those who can pull from a registry (docs/OPERATIONS.md, "Container
# image"). Without a registry: scripts/image.sh builds an image FROM scratch with a jlink runtime instead.
#
#   ./mvnw package -DskipTests && docker build -t priora .
#   docker run -p 8080:8080 -v priora-data:/var/lib/priora priora
#
# Settings are PRIORA_* environment variables (README, "Running"); the embedded database and the first start's
# password file live in the volume /var/lib/priora. With PostgreSQL (PRIORA_DB_URL) the volume holds only that file.
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 priora \
    && useradd --system --uid 10001 --gid priora --home-dir /var/lib/priora --no-create-home --shell /usr/sbin/nologin priora \
    && mkdir -p /var/lib/priora \
    && chown priora:priora /var/lib/priora

COPY target/priora.jar /opt/priora/priora.jar

ENV PRIORA_DATA_DIR=/var/lib/priora \
    PORT=8080

VOLUME /var/lib/priora
WORKDIR /var/lib/priora
EXPOSE 8080
USER 10001:10001

# `priora.jar health` asks /actuator/health on $PORT (exit 0 when UP); a small JVM, no shell or curl needed
HEALTHCHECK --interval=30s --timeout=30s --start-period=120s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/opt/priora/priora.jar", "health"]

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/priora/priora.jar"]
