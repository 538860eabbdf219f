package dev.ctx.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicProvisionerTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "COMPACT|compact|true",
                "COMPACT|delete|false",
                "COMPACT|compact,delete|false",
                "COMPACT|delete, compact|false",
                "DELETE|delete|true",
                "DELETE|compact|false"
            })
    void acceptsOnlyExactlyTheRequiredCleanupPolicy(CleanupPolicy expected, String actual, boolean matches) {
        assertThat(TopicProvisioner.policyMatches(expected, actual)).isEqualTo(matches);
    }
}
