package org.envelopelab.service.rules;

import org.envelopelab.service.rules.sensitive.Finding;
import org.envelopelab.service.rules.sensitive.SensitiveInfoType;
import org.envelopelab.service.tenant.Tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "The message contains any of these sensitive information types": holds when, for at least one
 * type, the body and text attachments together hold at least {@code minCount} of it (every
 * occurrence counts). Reasons go place by place and show only masked values.
 *
 * @param types    the types to look for
 * @param minCount how many of one type it takes (at least 1)
 */
public record ContainsSensitiveInfo(List<SensitiveInfoType> types, int minCount) implements ContentCondition {

    public ContainsSensitiveInfo {
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("the condition needs at least one sensitive information type");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("the minimum count must be at least 1, not " + minCount);
        }
        types = List.copyOf(types);
    }

    /** One or more of any of the types. */
    public ContainsSensitiveInfo(List<SensitiveInfoType> types) {
        this(types, 1);
    }

    @Override
    public boolean testContent(MailFacts facts, Tenant tenant, Findings findings) {
        List<Passage> passages = facts.passages();
        boolean holds = false;
        for (SensitiveInfoType type : types) {
            List<Finding> found = new ArrayList<>();
            passages.forEach(passage -> found.addAll(type.findIn(passage.text(), passage.where())));
            if (found.size() >= minCount) {
                holds = true;
                found.stream()
                        .collect(Collectors.groupingBy(Finding::where, LinkedHashMap::new, Collectors.toList()))
                        .forEach((where, here) -> findings.reason(where + " contains " + SensitiveInfoType.counted(type, here.size())
                                + " (" + shown(here) + ")"));
            }
        }
        return holds;
    }

    /** The masked values, each once, "×2" when it occurs again: "diagnosis ×2, biopsy". */
    private static String shown(List<Finding> findings) {
        Map<String, Integer> times = new LinkedHashMap<>();
        findings.forEach(finding -> times.merge(finding.shown(), 1, Integer::sum));
        String separator = findings.stream().anyMatch(finding -> !finding.detail().isEmpty()) ? "; " : ", ";
        return times.entrySet().stream()
                .map(entry -> entry.getValue() == 1 ? entry.getKey() : entry.getKey() + " ×" + entry.getValue())
                .collect(Collectors.joining(separator));
    }

    @Override
    public String describe() {
        return "the message contains " + types.stream()
                .map(type -> minCount == 1 ? SensitiveInfoType.one(type) : "at least " + SensitiveInfoType.counted(type, minCount))
                .collect(Collectors.joining(" or "));
    }
}
