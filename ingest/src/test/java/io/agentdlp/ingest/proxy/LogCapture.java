package io.agentdlp.ingest.proxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects every formatted log line (all loggers) while open, to prove nothing sensitive is logged. */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(this, null, null);
        ctx.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage()
                + (event.getThrown() == null ? "" : " " + event.getThrown()));
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender("capture");
        ctx.updateLoggers();
        stop();
    }
}
