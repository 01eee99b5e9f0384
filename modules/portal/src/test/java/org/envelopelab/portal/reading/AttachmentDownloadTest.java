package org.envelopelab.portal.reading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender chose the file name; the header the portal writes must not let it climb, break out or deceive. */
class AttachmentDownloadTest {

    @Test
    void aPathInTheNameKeepsOnlyItsLastSegment() {
        assertThat(AttachmentDownload.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentDownload.safeName("C:\\Windows\\system32\\evil.dll")).isEqualTo("evil.dll");
        assertThat(AttachmentDownload.safeName("..")).isEqualTo("attachment");
        assertThat(AttachmentDownload.safeName(".bashrc")).isEqualTo("bashrc");
        assertThat(AttachmentDownload.safeName(null)).isEqualTo("attachment");
    }

    @Test
    void quotesAndLineBreaksCannotEndTheHeader() {
        String header = AttachmentDownload.contentDisposition("a\".pdf\r\nSet-Cookie: x=y");

        assertThat(header).startsWith("attachment; filename=\"a_.pdf  Set-Cookie: x=y\"; filename*=UTF-8''")
                .doesNotContain("\r", "\n");
    }

    @Test
    void aRightToLeftOverrideCannotDisguiseTheExtension() {
        // "invoice\u202Efdp.exe" displays as "invoiceexe.pdf".
        assertThat(AttachmentDownload.safeName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void aNonAsciiNameTravelsPercentEncoded() {
        assertThat(AttachmentDownload.contentDisposition("Überweisung März.pdf"))
                .isEqualTo("attachment; filename=\"_berweisung M_rz.pdf\"; filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz.pdf");
    }
}
