package dev.priora.accounts;

import java.util.EnumSet;
import java.util.Set;

import static dev.priora.accounts.Permission.COMMENT;
import static dev.priora.accounts.Permission.EDIT_BACKLOG;
import static dev.priora.accounts.Permission.MANAGE_PRODUCT;
import static dev.priora.accounts.Permission.MANAGE_ROADMAP;
import static dev.priora.accounts.Permission.READ;
import static dev.priora.accounts.Permission.RUN_REFINEMENT;
import static dev.priora.accounts.Permission.SUBMIT_FEEDBACK;
import static dev.priora.accounts.Permission.WORK_ITEMS;

/** A user's role in one product, and the permissions it grants. */
public enum ProductRole {

	/** The product owner: everything in the product. */
	OWNER(EnumSet.allOf(Permission.class)),
	/**
	 * The product manager: roadmap, objectives, comments, refinement sessions; reads
	 * everything.
	 */
	MANAGER(EnumSet.of(READ, COMMENT, SUBMIT_FEEDBACK, MANAGE_ROADMAP, RUN_REFINEMENT)),
	/** A development team member: works items, comments. */
	MEMBER(EnumSet.of(READ, COMMENT, WORK_ITEMS)),
	/** A stakeholder: reads, comments, submits feedback. */
	STAKEHOLDER(EnumSet.of(READ, COMMENT, SUBMIT_FEEDBACK)),
	/** Reads only. */
	VIEWER(EnumSet.of(READ));

	private final Set<Permission> permissions;

	ProductRole(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public boolean allows(Permission permission) {
		return permissions.contains(permission);
	}

	public Set<Permission> permissions() {
		return EnumSet.copyOf(permissions);
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
	}

}
