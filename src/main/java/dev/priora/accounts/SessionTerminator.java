package dev.priora.accounts;

import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends sessions of a user at once (sessions are in the database, so on every node).
 * Without the web server (command-line subcommands) there are no sessions to end.
 */
@Component
class SessionTerminator {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the user; answers how many. */
	int endSessionsOf(String principalName) {
		return endSessionsOf(principalName, null);
	}

	/**
	 * Ends every session of the user but {@code keep} (the session id of the request
	 * asking, or null); answers how many.
	 */
	int endSessionsOf(String principalName, String keep) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		int ended = 0;
		for (String id : repository.findByPrincipalName(principalName).keySet()) {
			if (!Objects.equals(id, keep)) {
				repository.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
