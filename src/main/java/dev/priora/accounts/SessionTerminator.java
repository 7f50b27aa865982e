package dev.priora.accounts;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user at once (sessions are in the database, so on every node).
 */
@Component
class SessionTerminator {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	void endSessionsOf(String principalName) {
		sessions.findByPrincipalName(principalName).keySet().forEach(sessions::deleteById);
	}

}
