package io.agentdlp.topology.sequence;

import java.util.List;

import io.agentdlp.avro.AgentEgressEvent;
import io.agentdlp.avro.EventKind;
import io.agentdlp.avro.Tool;
import io.agentdlp.avro.ToolCategory;
import io.agentdlp.detection.shell.ShellCommand;
import io.agentdlp.topology.InspectedEvent;
import io.agentdlp.topology.policy.Glob;
import io.agentdlp.topology.policy.PolicyBook;

/**
 * Finds the sensitive file an event reads: the path of a file-read event or tool call, or a path
 * operand (argument or redirection) of a shell command, matched against the configured globs and
 * the policies' {@code sensitive_paths}.
 */
public final class SensitivePaths {
    private final List<Glob> configured;

    public SensitivePaths(List<String> globs) {
        this.configured = globs.stream().map(Glob::path).toList();
    }

    /** The sensitive path the event reads, or null. */
    public String readBy(InspectedEvent e, PolicyBook policies) {
        AgentEgressEvent ev = e.event();
        Tool tool = ev.getTool();
        boolean fileRead = ev.getKind() == EventKind.file_read || (tool != null && tool.getCategory() == ToolCategory.file_read);
        if (fileRead && ev.getFilePath() != null && matches(ev.getFilePath(), policies)) {
            return ev.getFilePath();
        }
        for (ShellCommand c : e.command().commands()) {
            for (String operand : c.operands()) {
                String path = fileOf(operand);
                if (path != null && matches(path, policies)) {
                    return path;
                }
            }
        }
        return null;
    }

    /**
     * The file an operand names: itself, or what follows {@code @} / {@code <} in upload syntax
     * ({@code -d @file}, {@code -F f=@file}, {@code --data-binary=@file}); null for plain options.
     */
    static String fileOf(String operand) {
        int at = Math.max(operand.lastIndexOf("=@"), operand.lastIndexOf("=<"));
        if (at >= 0) {
            return operand.substring(at + 2);
        }
        if (operand.startsWith("@") || operand.startsWith("<")) {
            return operand.substring(1);
        }
        return operand.startsWith("-") ? null : operand;
    }

    private boolean matches(String path, PolicyBook policies) {
        return Glob.anyPath(configured, path) || policies.sensitivePath(path);
    }
}
