package io.agentdlp.detection.policy;

import java.util.List;
import java.util.Objects;

import io.agentdlp.detection.Severity;

/**
 * One rule of a policy: subjects (who), resources (what) and conditions, each an OR-list of
 * patterns; an empty list means "any". A rule matches an action when every non-empty list matches.
 *
 * @param id                       shown in decisions, events and alerts
 * @param description              for humans
 * @param effect                   what happens on a match
 * @param reason                   told to the developer (and the SOC)
 * @param severity                 severity of alerts this rule raises
 * @param users                    user ids or e-mails (glob)
 * @param groups                   teams / directory groups (exact)
 * @param devices                  device ids (glob)
 * @param agents                   agent names, optionally {@code name@<op><version>} (op: = &gt;= &gt; &lt;= &lt;) or {@code name@2.1.*}
 * @param tools                    tool names (glob) or {@code category:<shell|file_read|file_write|web|mcp|agent|other>}
 * @param mcpServers               MCP server names (glob)
 * @param destinations             host globs ({@code *.anthropic.com}) or URL prefixes ({@code https://mirror.corp/})
 * @param models                   model names the request asks the provider for (glob, case-insensitive: {@code claude-sonnet-*}, {@code gpt-4.1})
 * @param repos                    repository remotes (glob over the normalised {@code host/org/repo} form)
 * @param paths                    file path globs ({@code **}/.env, /home/*{@code /}.ssh/**)
 * @param minContentBytes          only actions carrying more content than this match (null = any size)
 * @param requiresSensitiveContent only actions whose content carries secrets or own code match
 */
public record PolicyRule(String id, String description, Effect effect, String reason, Severity severity,
                         List<String> users, List<String> groups, List<String> devices, List<String> agents,
                         List<String> tools, List<String> mcpServers, List<String> destinations, List<String> models,
                         List<String> repos,
                         List<String> paths, Long minContentBytes, boolean requiresSensitiveContent) {
    public PolicyRule {
        Objects.requireNonNull(id, "rule id");
        Objects.requireNonNull(effect, "effect of rule " + id);
        severity = severity == null ? Severity.MEDIUM : severity;
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        devices = List.copyOf(devices);
        agents = List.copyOf(agents);
        tools = List.copyOf(tools);
        mcpServers = List.copyOf(mcpServers);
        destinations = List.copyOf(destinations);
        models = List.copyOf(models);
        repos = List.copyOf(repos);
        paths = List.copyOf(paths);
    }
}
