package org.envelopelab.scenario.run;

/**
 * Where a world listens when its ports are fixed ({@code --base-port}): site number i (from 0)
 * takes SMTP {@code base+10i} and IMAP {@code base+10i+1}, and the portal the slot after the last
 * site, {@code base+10n} for n sites, so no two ever collide however many sites a scenario has.
 * A base of 0 means free ports picked at start.
 */
public record PortLayout(int base, int sites) {

    static final int HIGHEST_PORT = 65_535;

    /** The layout, or an {@link IllegalArgumentException} whose message says in one sentence why it cannot be. */
    public PortLayout {
        if (base < 0 || base > HIGHEST_PORT) {
            throw new IllegalArgumentException("--base-port must be 0 (free ports) or a port from 1 to " + HIGHEST_PORT
                    + ", not " + base);
        }
        if (base > 0 && portal(base, sites) > HIGHEST_PORT) {
            throw new IllegalArgumentException("--base-port " + base + " leaves no room for " + sites
                    + " sites and the portal: the world needs ports " + base + " to " + portal(base, sites)
                    + ", and the highest port is " + HIGHEST_PORT + "; use " + (HIGHEST_PORT - 10 * sites) + " or lower");
        }
    }

    public boolean fixed() {
        return base > 0;
    }

    public int smtp(int site) {
        return base + 10 * site;
    }

    public int imap(int site) {
        return base + 10 * site + 1;
    }

    /** The portal's port, or 0 for a free one. */
    public int portal() {
        return fixed() ? portal(base, sites) : 0;
    }

    private static int portal(int base, int sites) {
        return base + 10 * sites;
    }
}
