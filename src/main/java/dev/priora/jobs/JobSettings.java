package dev.priora.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node runs background jobs ({@code priora.jobs.*}).
 *
 * @param threads jobs and tasks this node runs at once
 * @param pollingInterval how often the node looks for due work (a job started on this
 * node starts at once; one started elsewhere within this interval)
 * @param heartbeatInterval how often a node tells the database it still runs its jobs
 * @param missedHeartbeats heartbeats a node may miss before other nodes take it for dead
 * and fail its jobs ({@code heartbeatInterval × missedHeartbeats}); at least 4
 * @param shutdownWait how long a stopping node waits for its running jobs
 * @param nodeName this node's name, unique among running nodes and the same after a
 * restart (default: host name and port); a restarted node fails its former life's jobs at
 * once
 */
@ConfigurationProperties("priora.jobs")
public record JobSettings(@DefaultValue("4") int threads, @DefaultValue("500ms") Duration pollingInterval,
		@DefaultValue("30s") Duration heartbeatInterval, @DefaultValue("4") int missedHeartbeats,
		@DefaultValue("10s") Duration shutdownWait, String nodeName) {

	public JobSettings {
		if (threads < 1 || missedHeartbeats < 4) {
			throw new IllegalArgumentException(
					"priora.jobs.threads must be at least 1 and priora.jobs.missed-heartbeats at least 4");
		}
	}

	/** How long a node's heartbeats may be missing before its jobs are failed. */
	public Duration deadAfter() {
		return heartbeatInterval.multipliedBy(missedHeartbeats);
	}

}
