package dev.ctx.schemas.schemaregistry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MockRegistryOptInTest {

    @Test
    void refuseNamesTheKeyAndTheWayOutForAMockUrl() {
        // When
        var refusal = MockRegistryOptIn.REFUSE.refusal(" mock://scope");

        // Then
        assertThat(refusal)
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("schema.registry.url")
                        .contains("mock://")
                        .contains("http(s)://"));
    }

    @Test
    void refuseLetsHttpUrlsThrough() {
        assertThat(MockRegistryOptIn.REFUSE.refusal("https://registry:8081,https://registry-2:8081"))
                .isEmpty();
    }

    @Test
    void theDemoAndBenchmarkOptInLetsAMockUrlThrough() {
        assertThat(MockRegistryOptIn.ALLOW_FOR_DEMO_OR_BENCHMARK_ONLY.refusal("mock://scope"))
                .isEmpty();
    }
}
