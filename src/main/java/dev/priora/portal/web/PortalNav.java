package dev.priora.portal.web;

/**
 * What the portal's header shows: the portal's key and title, whether it has a logo, who
 * is signed in (null for nobody) and which page is open ({@code ideas}, {@code feedback},
 * {@code sign-in}).
 */
record PortalNav(String key, String title, boolean hasLogo, String email, String current) {
}
