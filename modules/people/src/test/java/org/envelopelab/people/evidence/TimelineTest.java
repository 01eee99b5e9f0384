package org.envelopelab.people.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    @Test
    void aMessageWithoutFilesHasNoneWhateverTheCopyCarried() {
        Timeline timeline = new Timeline(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
        Followed request = new Followed("request", "<request@lab>", "omar@northwind.example", "northwind.example",
                List.of("dave@yahoo.example"), Map.of(), false, 1);
        timeline.follow(request);
        timeline.follow(request.forwardedAs("<fwd@lab>", "dave@yahoo.example", "northwind.example", List.of("carol@gmail.example"), 2));
        // What a forwardee's client sees of a forward: the original attached as message/rfc822, readable.
        Sight forward = new Sight(Access.READABLE, Access.READABLE, Access.READABLE, List.of("forwarded message"), "plain MIME",
                Sight.Format.PLAIN, "the original");
        timeline.held(Party.forwardee("carol@gmail.example"), "<fwd@lab>", forward, Through.PLAINTEXT, "read the forward");

        Evidence evidence = timeline.about("request").get(0);
        assertThat(evidence.body()).isEqualTo(Access.READABLE);
        assertThat(evidence.attachments()).isEqualTo(Access.NONE);
    }
}
