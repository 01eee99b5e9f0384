package org.envelopelab.scenario.run;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortLayoutTest {

    @Test
    void noTwoListenersShareAPortHoweverManySitesAWorldHas() {
        for (int sites = 1; sites <= 40; sites++) {
            PortLayout layout = new PortLayout(3000, sites);
            Set<Integer> ports = new HashSet<>();
            for (int site = 0; site < sites; site++) {
                assertThat(ports.add(layout.smtp(site))).isTrue();
                assertThat(ports.add(layout.imap(site))).isTrue();
            }
            assertThat(ports.add(layout.portal())).as("the portal's port with %d sites", sites).isTrue();
        }
    }

    @Test
    void theNinthSiteNoLongerTakesThePortalsPort() {
        PortLayout layout = new PortLayout(3000, 9);
        assertThat(layout.smtp(8)).isEqualTo(3080);
        assertThat(layout.portal()).isEqualTo(3090);
    }

    @Test
    void freePortsNeedNoLayout() {
        assertThat(new PortLayout(0, 12).portal()).isZero();
        assertThat(new PortLayout(0, 12).fixed()).isFalse();
    }

    @Test
    void aLayoutBeyondTheLastPortIsRefusedWithASentence() {
        assertThatThrownBy(() -> new PortLayout(65_530, 5))
                .hasMessage("--base-port 65530 leaves no room for 5 sites and the portal: the world needs ports 65530 to 65580,"
                        + " and the highest port is 65535; use 65485 or lower");
        assertThatThrownBy(() -> new PortLayout(-1, 5)).hasMessageContaining("not -1");
        assertThat(new PortLayout(65_485, 5).portal()).isEqualTo(65_535);
    }
}
