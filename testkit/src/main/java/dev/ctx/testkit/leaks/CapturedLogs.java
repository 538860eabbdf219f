package dev.ctx.testkit.leaks;

import java.io.StringWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures everything logged in this JVM (message, key-value pairs and stack traces, every level) from {@link
 * #start()} until {@link #close()}, for {@link LeakScanner#log(String, String)}.
 */
public final class CapturedLogs implements AutoCloseable {

    private final StringWriter text = new StringWriter();
    private final WriterAppender appender;
    private final LoggerContext context;

    private CapturedLogs(String name) {
        this.context = (LoggerContext) LogManager.getContext(false);
        this.appender = WriterAppender.newBuilder()
                .setName(name)
                .setTarget(text)
                .setLayout(PatternLayout.newBuilder()
                        .withPattern("%d %p %c %m %X %ex%n")
                        .build())
                .build();
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    /** Starts capturing under appender name {@code name}. */
    public static CapturedLogs start(String name) {
        return new CapturedLogs(name);
    }

    /** What was logged so far. */
    public synchronized String text() {
        return text.toString();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
