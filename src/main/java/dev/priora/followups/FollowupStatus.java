package dev.priora.followups;

/**
 * Where a message to a customer is: drafted (waiting for the product owner), sent by
 * e-mail, dismissed (nobody will be told), or told in person ("manual", for people
 * without an e-mail address).
 */
public enum FollowupStatus {

	DRAFT, SENT, DISMISSED, MANUAL;

	/** Whether the person was told: by e-mail or in person. */
	public boolean told() {
		return this == SENT || this == MANUAL;
	}

}
