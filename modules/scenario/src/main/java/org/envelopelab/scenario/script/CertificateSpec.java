package org.envelopelab.scenario.script;

import org.envelopelab.pki.KeyType;

/**
 * One person's S/MIME certificate, as a scenario declares it.
 *
 * @param address whose it is
 * @param key     the key type
 * @param trusted true: issued by their organization's CA (or the public CA for consumer
 *                providers), which every client trusts; false: issued by a CA nobody trusts
 * @param expired true: it expired before the scenario starts
 */
public record CertificateSpec(String address, KeyType key, boolean trusted, boolean expired) {
}
