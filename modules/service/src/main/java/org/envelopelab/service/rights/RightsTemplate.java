package org.envelopelab.service.rights;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named set of rights the service applies to a message. Encrypt-Only grants every right but
 * export (recipients may copy, print and forward, but cannot remove protection); Do Not Forward
 * grants view, reply and reply all only.
 *
 * @param name   the template's name
 * @param rights what readers may do
 */
public record RightsTemplate(String name, Set<Right> rights) {

    public static final RightsTemplate ENCRYPT_ONLY = new RightsTemplate("Encrypt-Only",
            EnumSet.complementOf(EnumSet.of(Right.EXPORT)));
    public static final RightsTemplate DO_NOT_FORWARD = new RightsTemplate("Do Not Forward",
            EnumSet.of(Right.VIEW, Right.REPLY, Right.REPLY_ALL));

    public RightsTemplate {
        if (!rights.contains(Right.VIEW)) {
            throw new IllegalArgumentException("rights template '" + name + "' must grant view: a message nobody may read is no message");
        }
        rights = Set.copyOf(rights);
    }

    public boolean allows(Right right) {
        return rights.contains(right);
    }

    /** "view, reply, reply-all" in a stable order. */
    public String describeRights() {
        return EnumSet.copyOf(rights).stream().map(Right::label).collect(Collectors.joining(", "));
    }
}
