package org.envelopelab.routes.delivery;

/**
 * Why a recipient will not get a message — the material of a non-delivery report.
 *
 * @param recipient  the address that failed
 * @param status     the enhanced status code (RFC 3463), e.g. "5.1.1"
 * @param diagnostic what the refusing server (or the transport itself) said
 */
public record Rejection(String recipient, String status, String diagnostic) {
}
