package dev.ctx.keyservice.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessLevelsTest {

    @Test
    void theDefaultReleasesSettlementFieldsForSettlementAndEverythingForAudit() {
        // When
        AccessLevels levels = AccessLevels.parse(AccessLevels.DEFAULT);
        // Then
        assertThat(levels.fieldsFor("settlement")).containsExactlyInAnyOrder("amount", "settlementDetails");
        assertThat(levels.fieldsFor("audit")).containsExactlyInAnyOrder("amount", "pricing", "settlementDetails");
        assertThat(levels.fieldsFor("marketing")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "settlement:iban",
                "settlement",
                "Settlement:amount",
                "settlement:",
                "a:amount,a:pricing",
                "settlement:amount|pricing",
                ""
            })
    void aMalformedSpecificationIsRefused(String spec) {
        assertThatThrownBy(() -> AccessLevels.parse(spec)).isInstanceOf(IllegalArgumentException.class);
    }
}
