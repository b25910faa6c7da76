package io.agentdlp.launcher.scan;

import java.io.IOException;

/**
 * Writes reported findings in one output format. Independent of the detectors: any detector's
 * {@link io.agentdlp.detection.Finding} can be written, identified by its {@code detector} and rule id.
 */
public interface FindingWriter {
    /** Called once per finding, in report order. */
    void write(ReportedFinding finding) throws IOException;

    /** Called once after the last finding; formats that need the whole set write it here. */
    void finish() throws IOException;
}
