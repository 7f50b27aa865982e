package dev.priora.feedback;

import java.util.EnumSet;
import java.util.Set;

/** Feedback's triage: new → triaged → linked | declined | archived. */
public enum FeedbackStatus {

	NEW, TRIAGED, LINKED, DECLINED, ARCHIVED;

	/** The statuses this one may change to; LINKED is reached by linking to an item. */
	public Set<FeedbackStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(TRIAGED, DECLINED, ARCHIVED);
			case TRIAGED -> EnumSet.of(NEW, DECLINED, ARCHIVED);
			case LINKED -> EnumSet.of(TRIAGED, ARCHIVED);
			case DECLINED, ARCHIVED -> EnumSet.of(NEW, TRIAGED);
		};
	}

}
