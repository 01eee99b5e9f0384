package org.envelopelab.scenario.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import static org.envelopelab.scenario.script.NodeReader.mustBe;

/**
 * Reads the steps that put a site in trouble: {@code outage}, {@code slow}, {@code drop-data},
 * {@code defer}, each for a while of lab time or until {@code restore}. A site is named by its
 * domain, as the world lists it.
 */
public final class FaultStepReader {

    static final List<String> KEYS = List.of("site", "for");
    static final List<String> SLOW_KEYS = List.of("site", "by", "for");
    private static final Pattern LAB_DURATION = Pattern.compile("(\\d+)(m|h|d)");
    private static final Pattern ANSWER_DELAY = Pattern.compile("(\\d+)(ms|s)");
    /** Slower than this, a site would hold a run for minutes of real time per message. */
    static final Duration SLOWEST_ANSWER = Duration.ofSeconds(30);

    private final NodeReader reader;
    private final List<String> sites;

    FaultStepReader(NodeReader reader, World world) {
        this.reader = reader;
        List<String> domains = new ArrayList<>();
        if (world.organization() != null && world.organization().domain() != null) {
            domains.add(world.organization().domain());
        }
        world.providers().stream().map(World.Provider::domain).filter(domain -> domain != null).forEach(domains::add);
        this.sites = List.copyOf(domains);
    }

    /** {@code outage: gmail.example} or {@code outage: {site: gmail.example, for: 6h}}. */
    public Optional<Step.Outage> outage(Node node, int line) {
        return siteAndDuration(node, "outage").map(read -> new Step.Outage(line, read.site, read.lasting));
    }

    /** {@code drop-data: {site, for}}: the site drops the connection in the middle of DATA. */
    public Optional<Step.DropData> dropData(Node node, int line) {
        return siteAndDuration(node, "drop-data").map(read -> new Step.DropData(line, read.site, read.lasting));
    }

    /** {@code defer: {site, for}}: the site answers 4xx. */
    public Optional<Step.Defer> defer(Node node, int line) {
        return siteAndDuration(node, "defer").map(read -> new Step.Defer(line, read.site, read.lasting));
    }

    /** {@code slow: {site, by: 2s, for: 30m}}: the site answers every command late. */
    public Optional<Step.Slow> slow(Node node, int line) {
        Optional<ScriptMapping> found = reader.mapping(node, mustBe("slow", "a mapping with 'site', 'by' and 'for'"),
                "slow", SLOW_KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping slow = found.get();
        int before = reader.problems().count();
        Optional<String> site = slow.required("site").flatMap(value -> site(value, "site"));
        Optional<Duration> by = slow.required("by").flatMap(value -> reader.text(value, "by").flatMap(text -> {
            Optional<Duration> delay = LabTime.duration(text, ANSWER_DELAY).filter(d -> !d.isZero());
            if (delay.isEmpty() || delay.get().compareTo(SLOWEST_ANSWER) > 0) {
                reader.report(value, mustBe("by", "a delay like 500ms or 2s, at most 30s"));
                return Optional.empty();
            }
            return delay;
        }));
        Duration lasting = slow.optional("for").flatMap(this::lasting).orElse(null);
        if (reader.problems().count() > before || site.isEmpty() || by.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.Slow(line, site.get(), by.get(), lasting));
    }

    /** {@code restore: gmail.example}: every fault of the site ends. */
    public Optional<Step.Restore> restore(Node node, int line) {
        return site(node, "restore").map(site -> new Step.Restore(line, site));
    }

    private record SiteFor(String site, Duration lasting) {
    }

    private Optional<SiteFor> siteAndDuration(Node node, String key) {
        if (node instanceof ScalarNode) {
            return site(node, key).map(site -> new SiteFor(site, null));
        }
        Optional<ScriptMapping> found = reader.mapping(node, mustBe(key, "a site, or a mapping with 'site' and 'for'"),
                key, KEYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScriptMapping fault = found.get();
        int before = reader.problems().count();
        Optional<String> site = fault.required("site").flatMap(value -> site(value, "site"));
        Duration lasting = fault.optional("for").flatMap(this::lasting).orElse(null);
        if (reader.problems().count() > before || site.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SiteFor(site.get(), lasting));
    }

    private Optional<String> site(Node node, String key) {
        return reader.text(node, key).flatMap(text -> {
            String domain = text.strip().toLowerCase(Locale.ROOT);
            if (!sites.contains(domain)) {
                reader.report(node, Spelling.unknown("unknown site '" + text + "'", domain, sites,
                        Spelling.listing("sites", sites)));
                return Optional.empty();
            }
            return Optional.of(domain);
        });
    }

    private Optional<Duration> lasting(Node node) {
        return reader.text(node, "for").flatMap(text -> {
            Optional<Duration> duration = LabTime.duration(text, LAB_DURATION).filter(d -> !d.isZero());
            if (duration.isEmpty() || duration.get().compareTo(LabTime.LONGEST_ADVANCE) > 0) {
                reader.report(node, mustBe("for", "a time like 30m, 6h or 3d, at most 36500 days"));
                return Optional.empty();
            }
            return duration;
        });
    }
}
