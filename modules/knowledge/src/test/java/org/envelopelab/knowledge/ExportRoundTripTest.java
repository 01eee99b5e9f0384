package org.envelopelab.knowledge;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.envelopelab.knowledge.bank.Bank;
import org.envelopelab.knowledge.bank.BankParser;
import org.envelopelab.knowledge.bank.Kind;
import org.envelopelab.knowledge.bank.Lesson;
import org.envelopelab.knowledge.bank.Option;
import org.envelopelab.knowledge.bank.Problem;
import org.envelopelab.knowledge.bank.Question;
import org.envelopelab.knowledge.export.Gift;
import org.envelopelab.knowledge.export.MoodleXml;
import org.envelopelab.knowledge.export.Printed;
import org.envelopelab.knowledge.export.Qti;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** What the exports write reads back as the bank: GIFT and Moodle XML round trips, a well-formed QTI package. */
class ExportRoundTripTest {

    /** Every GIFT special character, and a few of XML's, in every text a question has. */
    private static final String AWKWARD = """
            lesson: awkward
            title: Special {characters}: ~ = # and \\ too

            question: awkward-single
            kind: single
            tags: C1
            difficulty: easy
            stem: Does 2 + 2 = 4? {Braces}, ~tildes~, #hashes, colons: and a \\backslash <b>not bold</b> & "quotes"
            *a) Yes: = # ~ { } \\
                proof: in clinic: gina can read body of gina-results
                feedback: Right :: because {it} = 4 # sure
             b) No <really>
                proof: in clinic: gina cannot read body of gina-results
                feedback: ~no~
             c) Maybe & perhaps
                proof: in clinic: gina never holds gina-results
            explain: General: feedback {with} #all ~ of = them \\
            """;

    private static List<Lesson> lessons() throws Exception {
        List<Problem> problems = new ArrayList<>();
        Lesson awkward = BankParser.parse("awkward.quiz", AWKWARD, problems);
        Bank real = Bank.read(Bank.files(Path.of("../../knowledge")));
        assertThat(problems).isEmpty();
        assertThat(real.problems()).isEmpty();
        List<Lesson> lessons = new ArrayList<>(List.of(awkward));
        lessons.addAll(real.lessons());
        return lessons;
    }

    private static List<Question> questions(List<Lesson> lessons) {
        return lessons.stream().flatMap(lesson -> lesson.questions().stream()).toList();
    }

    @Test
    void giftReadsBackAsTheBank() throws Exception {
        List<Lesson> lessons = lessons();
        String gift = Gift.write(lessons);
        assertThat(gift).contains("Does 2 + 2 \\= 4? \\{Braces\\}, \\~tildes\\~, \\#hashes, colons\\: and a \\\\backslash");
        List<Gift.Read> read = Gift.read(gift);
        assertSameAs(questions(lessons), read, true);
    }

    @Test
    void moodleXmlReadsBackAsTheBank() throws Exception {
        List<Lesson> lessons = lessons();
        String xml = MoodleXml.write(lessons);
        assertThat(xml).contains("<idnumber>awkward-single</idnumber>", "<tag>", "type=\"truefalse\"", "type=\"matching\"");
        assertSameAs(questions(lessons), MoodleXml.read(xml), false);
    }

    private static void assertSameAs(List<Question> bank, List<Gift.Read> read, boolean gift) {
        assertThat(read).hasSameSizeAs(bank);
        for (int i = 0; i < bank.size(); i++) {
            Question question = bank.get(i);
            Gift.Read back = read.get(i);
            String as = question.where();
            assertThat(back.id()).as(as).isEqualTo(question.id());
            assertThat(back.stem()).as(as).isEqualTo(question.stem());
            assertThat(back.general()).as(as).isEqualTo(question.feedback());
            List<String> tags = new ArrayList<>(question.tags());
            tags.add("difficulty-" + question.difficulty());
            assertThat(back.tags()).as(as).isEqualTo(tags);
            List<String> texts = question.options().stream().map(Option::text).toList();
            assertThat(back.texts()).as(as).isEqualTo(texts);
            switch (question.kind()) {
                case MATCHING -> {
                    assertThat(back.kind()).as(as).isEqualTo("matching");
                    assertThat(back.matches()).as(as).isEqualTo(question.options().stream().map(Option::match).toList());
                }
                case ORDERING -> {
                    assertThat(back.kind()).as(as).isEqualTo("matching");
                    List<String> places = new ArrayList<>();
                    for (int n = 1; n <= texts.size(); n++) {
                        places.add(Gift.place(n));
                    }
                    assertThat(back.matches()).as(as).isEqualTo(places);
                }
                default -> {
                    assertThat(back.kind()).as(as).isEqualTo(question.kind().word());
                    assertThat(back.keys()).as(as).isEqualTo(question.options().stream().map(Option::key).toList());
                    assertThat(back.feedback()).as(as).isEqualTo(question.options().stream().map(Option::feedback).toList());
                }
            }
        }
        assertThat(gift || !read.isEmpty()).isTrue();
    }

    @Test
    void qtiIsAPackageOfWellFormedItemsInTheQti21Namespace() throws Exception {
        List<Lesson> lessons = lessons();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Qti.zip(lessons)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        List<Question> questions = questions(lessons);
        assertThat(entries.keySet()).hasSize(questions.size() + 1).contains("imsmanifest.xml");
        Document manifest = parse(entries.get("imsmanifest.xml"));
        assertThat(manifest.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.imsglobal.org/xsd/imscp_v1p1");
        var resources = manifest.getElementsByTagNameNS("http://www.imsglobal.org/xsd/imscp_v1p1", "resource");
        assertThat(resources.getLength()).isEqualTo(questions.size());
        for (int i = 0; i < resources.getLength(); i++) {
            Element resource = (Element) resources.item(i);
            assertThat(resource.getAttribute("type")).isEqualTo("imsqti_item_xmlv2p1");
            byte[] item = entries.get(resource.getAttribute("href"));
            assertThat(item).as(resource.getAttribute("href")).isNotNull();
            Element root = parse(item).getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo("http://www.imsglobal.org/xsd/imsqti_v2p1");
            assertThat(root.getLocalName()).isEqualTo("assessmentItem");
            assertThat(root.getAttribute("identifier")).isEqualTo(questions.get(i).id());
            String interaction = switch (questions.get(i).kind()) {
                case SINGLE, MULTIPLE, TRUE_FALSE -> "choiceInteraction";
                case MATCHING -> "matchInteraction";
                case ORDERING -> "orderInteraction";
            };
            assertThat(root.getElementsByTagNameNS("http://www.imsglobal.org/xsd/imsqti_v2p1", interaction).getLength())
                    .as(questions.get(i).id()).isEqualTo(1);
            var correct = root.getElementsByTagNameNS("http://www.imsglobal.org/xsd/imsqti_v2p1", "value");
            long keys = questions.get(i).kind() == Kind.SINGLE || questions.get(i).kind() == Kind.MULTIPLE
                    || questions.get(i).kind() == Kind.TRUE_FALSE ? questions.get(i).keys().size() : questions.get(i).options().size();
            assertThat(correct.getLength()).as(questions.get(i).id()).isEqualTo((int) keys);
        }
    }

    @Test
    void printedPagesKeepTheKeyApartAndShuffleOrderingItems() throws Exception {
        List<Lesson> lessons = lessons();
        String html = Printed.html(lessons);
        assertThat(html).contains("<section class=\"key\">", "break-before: page", "&lt;b&gt;not bold&lt;/b&gt;")
                .doesNotContain("<b>not bold</b>");
        assertThat(html.indexOf("Answer key")).isGreaterThan(html.indexOf("Does 2 + 2"));
        parse(html.replace("<!DOCTYPE html>", "").replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>")
                .replace("initial-scale=1\">", "initial-scale=1\"/>").replace("<br>", "<br/>").getBytes(StandardCharsets.UTF_8));
        String markdown = Printed.markdown(lessons);
        int questionAt = markdown.indexOf("Put in order what happened before Frank");
        String items = markdown.substring(questionAt, markdown.indexOf("**", questionAt + 10));
        assertThat(items.indexOf("Grace's client refuses")).as("the right order is not printed as it is").isPositive();
        assertThat(items.indexOf("- a) Grace's client refuses")).isNegative();
        assertThat(markdown).contains("## Answer key", "in this order: ");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
