package dev.priora.mail;

/** Where a mail of the outbox is. */
public enum MailState {

	/** Waiting for its (next) attempt. */
	QUEUED,

	/** Claimed by a node that is sending it, until its lease runs out. */
	SENDING,

	/** Accepted by the mail server. */
	SENT,

	/** Given up after the last attempt; an administrator may retry it. */
	FAILED

}
