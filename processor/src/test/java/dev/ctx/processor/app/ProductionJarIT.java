package dev.ctx.processor.app;

import java.util.List;

import dev.ctx.processor.testing.TestKeyrings;
import dev.ctx.testkit.artifact.ProductionArtifact;
import dev.ctx.testkit.artifact.ProductionJarContract;

/** The packaged {@code target/ctx-processor.jar} + {@code target/lib/}: what the processor image runs. */
class ProductionJarIT extends ProductionJarContract {

    @Override
    protected Expectations artifact() {
        return new Expectations(
                ProductionArtifact.inTarget("ctx-processor"),
                List.of("kafka-streams-", "ctx-envelope-"),
                List.of(),
                "bootstrap.servers=127.0.0.1:9\nschema.registry.url=mock://prod\n" + TestKeyrings.pinsProperties(),
                ProcessorMain.EXIT_USAGE,
                List.of("schema.registry.url is a mock:// URL", "demo and benchmarks only"));
    }
}
