package org.envelopelab.service.portal;

import org.envelopelab.service.branding.BrandingTemplate;

/**
 * What the portal may show before anyone signs in: who sent a protected message and the tenant's
 * branding — nothing of the message itself.
 *
 * @param senderName the sender's display name
 * @param branding   logo, colours, portal text, and whether passcodes are offered
 */
public record PortalLanding(String senderName, BrandingTemplate branding) {
}
