package dev.ctx.schemas.schemaregistry;

import java.util.Optional;

/**
 * Whether a production main may run on a {@code mock://} schema registry. A {@code mock://} scope lives in the
 * process: its schemas vanish on restart and no other process can read them, so the production mains
 * ({@code ProcessorMain}, {@code KeyServiceMain}) use {@link #REFUSE}. Only code that starts a service in-process on
 * purpose (the demo, the benchmarks, tests) passes {@link #ALLOW_FOR_DEMO_OR_BENCHMARK_ONLY}; no configuration key or
 * environment variable selects it.
 */
public enum MockRegistryOptIn {

    /** What the production mains use: a {@code mock://} registry URL stops startup. */
    REFUSE,

    /** In-process registries allowed: for the demo, the benchmarks and tests only, never a deployment. */
    ALLOW_FOR_DEMO_OR_BENCHMARK_ONLY;

    /** The reason {@code url} is refused under this policy, or empty when it may be used. */
    public Optional<String> refusal(String url) {
        if (this == ALLOW_FOR_DEMO_OR_BENCHMARK_ONLY || !InProcessSchemaRegistries.isMockUrl(url)) {
            return Optional.empty();
        }
        return Optional.of(RegistryClientConfig.SCHEMA_REGISTRY_URL + " is a mock:// URL: an in-process registry for"
                + " the demo and benchmarks only, whose schemas vanish with the process and which no consumer can"
                + " reach; set the http(s):// URL of a Confluent-compatible schema registry");
    }
}
