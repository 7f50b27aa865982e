package dev.priora.portal;

import java.util.Locale;

/**
 * What visitors are told about an idea. Unless the team set one by hand, it follows the
 * items the idea's feedback is linked to: none → under review; linked → planned; an item
 * in progress → in progress; an item done → shipped.
 */
public enum IdeaStatus {

	UNDER_REVIEW, PLANNED, IN_PROGRESS, SHIPPED, DECLINED;

	public String label() {
		String s = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	/** The derived status in SQL, for an idea row aliased {@code i}. */
	static final String SQL = """
			coalesce(i.status, case
			  when exists (select 1 from feedback_links l join items it on it.id = l.item_id
			               where l.feedback_id = i.feedback_id and it.status = 'DONE') then 'SHIPPED'
			  when exists (select 1 from feedback_links l join items it on it.id = l.item_id
			               where l.feedback_id = i.feedback_id and it.status = 'IN_PROGRESS') then 'IN_PROGRESS'
			  when exists (select 1 from feedback_links l where l.feedback_id = i.feedback_id) then 'PLANNED'
			  else 'UNDER_REVIEW' end)""";

}
