package dev.priora.operations;

import org.springframework.stereotype.Service;

/**
 * What the cluster-wide meters read now, for the Admin → Operations page: the outboxes'
 * waiting and given-up messages, jobs queued and running, failed sign-ins (the same
 * snapshot {@code /actuator/prometheus} serves).
 */
@Service
public class Queues {

	/** The counts, each cluster-wide. */
	public record Now(long mailPending, long mailFailed, long webhooksPending, long webhooksFailed, long jobsQueued,
			long jobsRunning, long failedSignIns) {
	}

	private final DatabaseGauges gauges;

	Queues(DatabaseGauges gauges) {
		this.gauges = gauges;
	}

	public Now now() {
		DatabaseGauges.Snapshot s = gauges.current();
		return new Now(s.mail().pending(), s.mail().failed(), s.webhooks().pending(), s.webhooks().failed(),
				s.jobs().getOrDefault("QUEUED", 0L), s.jobs().getOrDefault("RUNNING", 0L),
				s.signIns().values().stream().mapToLong(Long::longValue).sum());
	}

}
