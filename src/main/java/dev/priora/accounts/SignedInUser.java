package dev.priora.accounts;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in request, by form, HTTP Basic or bearer token. */
public final class SignedInUser implements UserDetails {

	private final UserId id;

	private final String email;

	private final String displayName;

	private final String passwordHash;

	private final boolean active;

	private final boolean admin;

	private final TokenScope scope;

	SignedInUser(UserId id, String email, String displayName, String passwordHash, boolean active, boolean admin,
			TokenScope scope) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.active = active;
		this.admin = admin;
		this.scope = scope;
	}

	SignedInUser withScope(TokenScope tokenScope) {
		return new SignedInUser(id, email, displayName, passwordHash, active, admin, tokenScope);
	}

	/** A workspace administrator: manages users and counts as owner of every product. */
	public boolean admin() {
		return admin;
	}

	/**
	 * The token's scope when the request came with a token; {@link TokenScope#FULL}
	 * otherwise.
	 */
	public TokenScope scope() {
		return scope;
	}

	public UserId id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

}
