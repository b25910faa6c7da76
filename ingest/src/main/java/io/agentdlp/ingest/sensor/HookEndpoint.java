package io.agentdlp.ingest.sensor;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.agentdlp.ingest.http.HttpProblem;
import io.agentdlp.ingest.http.RequestBodies;
import io.agentdlp.ingest.http.Responses;
import io.agentdlp.ingest.normalize.HookAgent;
import io.agentdlp.ingest.normalize.HookNormalizer;
import io.agentdlp.ingest.normalize.NormalizationException;
import io.agentdlp.ingest.normalize.NormalizedHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hook/<agent>[?event=<name>]}: one hook invocation (Claude Code HTTP hooks directly,
 * other agents through the command shim). Requires the install token header; normalizes, decides
 * blockable events inline, spools the events, and answers in the agent's documented JSON. A bare
 * {@code /hook} means Claude Code.
 */
final class HookEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HookEndpoint.class);

    private final SensorIdentity identity;
    private final HookNormalizer normalizer;
    private final SensorPipeline pipeline;
    private final SensorActivity activity;
    private final long maxBytes;

    HookEndpoint(SensorIdentity identity, HookNormalizer normalizer, SensorPipeline pipeline, SensorActivity activity, long maxBytes) {
        this.identity = identity;
        this.normalizer = normalizer;
        this.pipeline = pipeline;
        this.activity = activity;
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                throw new HttpProblem(405, "method_not_allowed", "use POST");
            }
            if (!identity.tokenMatches(ex.getRequestHeaders().getFirst(SensorConfig.TOKEN_HEADER))) {
                throw new HttpProblem(401, "unauthenticated", "missing or wrong " + SensorConfig.TOKEN_HEADER + " header");
            }
            HookAgent agent = agent(ex.getRequestURI().getPath());
            String event = queryParam(ex.getRequestURI().getRawQuery(), "event");
            byte[] body = RequestBodies.read(ex, maxBytes);
            NormalizedHook hook;
            try {
                hook = normalizer.normalize(agent, event, body);
            } catch (NormalizationException e) {
                throw new HttpProblem(400, "malformed", e.getMessage());
            }
            activity.hooks.incrementAndGet();
            Decision d = pipeline.hook(hook);
            Responses.json(ex, 200, HookAnswers.answer(agent, hook.eventName(), d));
        } catch (HttpProblem p) {
            activity.badRequests.incrementAndGet();
            LOG.debug("event=hook_rejected status={} reason={}", p.status(), p.reason());
            Responses.problem(ex, p);
        }
    }

    private static HookAgent agent(String path) throws HttpProblem {
        String rest = path.length() <= "/hook".length() ? "" : path.substring("/hook/".length());
        if (rest.isEmpty()) {
            return HookAgent.CLAUDE_CODE;
        }
        try {
            return HookAgent.parse(rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(404, "unknown_agent", e.getMessage());
        }
    }

    static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }
}
