package org.envelopelab.service.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscapedHtmlTest {

    @Test
    void markupBecomesText() {
        assertThat(EscapedHtml.of("<img src=x onerror=\"alert('x')\"> & more"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; more");
    }

    @Test
    void lineBreaksSurviveAsBreaks() {
        assertThat(EscapedHtml.withLineBreaks("first <line>\r\nsecond")).isEqualTo("first &lt;line&gt;<br>\nsecond");
    }
}
