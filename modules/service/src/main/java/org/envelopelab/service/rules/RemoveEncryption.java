package org.envelopelab.service.rules;

/**
 * "Remove message encryption and rights protection": only works on mail this tenant's service
 * protected — it holds those keys, and nobody else's.
 */
public record RemoveEncryption() implements Action {

    @Override
    public String describe() {
        return "remove encryption";
    }
}
