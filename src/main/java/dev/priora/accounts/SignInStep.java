package dev.priora.accounts;

/**
 * What a user must do after the password: nothing, type a second-factor code, or enrol a
 * second factor first (the admin requires it and they have none).
 */
public enum SignInStep {

	NONE, CODE, ENROL

}
