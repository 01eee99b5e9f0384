package org.envelopelab.service.rules;

import org.envelopelab.service.rights.Right;
import org.envelopelab.service.rights.RightsTemplate;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCatalogTest {

    private static final RightsTemplate BOARD_ONLY = new RightsTemplate("Board Only", EnumSet.of(Right.VIEW));

    @Test
    void everyTenantHasEncryptOnlyAndDoNotForwardUnderEitherSpelling() {
        TemplateCatalog catalog = new TemplateCatalog(List.of());

        assertThat(catalog.find("Encrypt-Only")).contains(RightsTemplate.ENCRYPT_ONLY);
        assertThat(catalog.find("encrypt-only")).contains(RightsTemplate.ENCRYPT_ONLY);
        assertThat(catalog.find("Do Not Forward")).contains(RightsTemplate.DO_NOT_FORWARD);
        assertThat(catalog.find("do-not-forward")).contains(RightsTemplate.DO_NOT_FORWARD);
        assertThat(catalog.find("Top Secret")).isEmpty();
        assertThat(catalog.all()).containsExactly(RightsTemplate.ENCRYPT_ONLY, RightsTemplate.DO_NOT_FORWARD);
    }

    @Test
    void customTemplatesFollowTheBuiltInOnes() {
        TemplateCatalog catalog = new TemplateCatalog(List.of(BOARD_ONLY));

        assertThat(catalog.find("BOARD-ONLY")).contains(BOARD_ONLY);
        assertThat(catalog.all()).containsExactly(RightsTemplate.ENCRYPT_ONLY, RightsTemplate.DO_NOT_FORWARD, BOARD_ONLY);
    }

    @Test
    void namesMustBeUniqueWhateverTheirCase() {
        RightsTemplate boardOnlyAgain = new RightsTemplate("board only", EnumSet.of(Right.VIEW, Right.PRINT));
        RightsTemplate fakeDoNotForward = new RightsTemplate("DO NOT FORWARD", EnumSet.of(Right.VIEW, Right.FORWARD));

        assertThatThrownBy(() -> new TemplateCatalog(List.of(BOARD_ONLY, boardOnlyAgain)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there are two rights templates called 'Board Only' and 'board only'; names must differ in more than case,"
                        + " spaces or dashes");
        assertThatThrownBy(() -> new TemplateCatalog(List.of(fakeDoNotForward)))
                .hasMessage("'DO NOT FORWARD' is the built-in template Do Not Forward; give the custom template another name");
    }
}
