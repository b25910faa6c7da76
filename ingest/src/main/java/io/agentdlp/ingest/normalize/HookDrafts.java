package io.agentdlp.ingest.normalize;

import java.util.List;

/** What an agent-specific hook reader made of one payload, before device and ids are stamped. */
record HookDrafts(String eventName, boolean blockable, List<EventDraft> drafts) {
    HookDrafts {
        drafts = List.copyOf(drafts);
    }
}
