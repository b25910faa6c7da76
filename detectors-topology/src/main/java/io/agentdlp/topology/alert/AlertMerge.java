package io.agentdlp.topology.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agentdlp.avro.DlpAlert;
import io.agentdlp.avro.Finding;

/** Folds one occurrence into an aggregated alert. */
final class AlertMerge {
    static final int MAX_EVIDENCE = 20;

    private AlertMerge() {
    }

    static DlpAlert merge(DlpAlert agg, DlpAlert occ, int maxEventIds) {
        DlpAlert out = DlpAlert.newBuilder(agg).build();
        out.setOccurrenceCount(agg.getOccurrenceCount() + occ.getOccurrenceCount());
        if (occ.getFirstSeen().isBefore(agg.getFirstSeen())) {
            out.setFirstSeen(occ.getFirstSeen());
        }
        if (occ.getLastSeen().isAfter(agg.getLastSeen())) {
            out.setLastSeen(occ.getLastSeen());
        }
        if (occ.getSeverity().ordinal() > agg.getSeverity().ordinal()) {
            out.setSeverity(occ.getSeverity());
            out.setTitle(occ.getTitle());
            out.setExplanation(occ.getExplanation());
        }
        List<String> ids = new ArrayList<>(agg.getEventIds());
        for (String id : occ.getEventIds()) {
            if (ids.size() >= maxEventIds) {
                break;
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        out.setEventIds(ids);
        List<Finding> ev = new ArrayList<>(agg.getEvidence());
        Set<String> seen = new HashSet<>();
        ev.forEach(f -> seen.add(f.getRuleId() + '\0' + f.getKeyedHash()));
        for (Finding f : occ.getEvidence()) {
            if (ev.size() >= MAX_EVIDENCE) {
                break;
            }
            if (seen.add(f.getRuleId() + '\0' + f.getKeyedHash())) {
                ev.add(f);
            }
        }
        out.setEvidence(ev);
        if (out.getDestination() == null) {
            out.setDestination(occ.getDestination());
        }
        if (out.getCodeMatch() == null || (occ.getCodeMatch() != null
                && occ.getCodeMatch().getSimilarity() > out.getCodeMatch().getSimilarity())) {
            out.setCodeMatch(occ.getCodeMatch());
        }
        out.setContentTruncated(agg.getContentTruncated() || occ.getContentTruncated());
        Map<String, String> attrs = new HashMap<>(agg.getAttributes());
        attrs.putAll(occ.getAttributes());
        out.setAttributes(attrs);
        return out;
    }
}
