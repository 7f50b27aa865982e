package dev.priora.portal;

/** A portal's logo: its bytes and their media type (PNG, JPEG, GIF or WebP). */
public record PortalLogo(byte[] bytes, String mediaType) {
}
