package dev.ctx.keyservice.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ctx.keyservice.kek.ExtractableKekException.Reason;

/** The rule a PKCS#11 master KEK's attributes must meet, without a token. */
class KeyProtectionTest {

    private static final String ALIAS = "kek-main";

    @Test
    void aKeyGeneratedNonExtractableIsAccepted() {
        assertThatCode(() -> KeyProtection.requireNonExtractable(ALIAS, List.of(new KeyProtection(false, true))))
                .doesNotThrowAnyException();
    }

    @Test
    void aNonExtractableKeyIsAcceptedWhereTheTokenDoesNotReportNeverExtractable() {
        assertThatCode(() -> KeyProtection.requireNonExtractable(ALIAS, List.of(new KeyProtection(false, null))))
                .doesNotThrowAnyException();
    }

    @Test
    void anExtractableKeyIsRefusedNamingTheAlias() {
        assertThatThrownBy(() -> KeyProtection.requireNonExtractable(ALIAS, List.of(new KeyProtection(true, false))))
                .isInstanceOfSatisfying(ExtractableKekException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EXTRACTABLE);
                    assertThat(e.alias()).isEqualTo(ALIAS);
                })
                .isInstanceOf(KekException.class)
                .hasMessageContaining("'" + ALIAS + "'")
                .hasMessageContaining("CKA_EXTRACTABLE=true");
    }

    @Test
    void aKeyThatWasOnceExtractableIsRefused() {
        assertThatThrownBy(() -> KeyProtection.requireNonExtractable(ALIAS, List.of(new KeyProtection(false, false))))
                .isInstanceOfSatisfying(
                        ExtractableKekException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ONCE_EXTRACTABLE))
                .hasMessageContaining(ALIAS)
                .hasMessageContaining("CKA_NEVER_EXTRACTABLE=false");
    }

    @Test
    void anUnreadableExtractableAttributeIsRefused() {
        assertThatThrownBy(() -> KeyProtection.requireNonExtractable(ALIAS, List.of(new KeyProtection(null, true))))
                .isInstanceOfSatisfying(
                        ExtractableKekException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNVERIFIABLE))
                .hasMessageContaining(ALIAS);
    }

    @Test
    void noVisibleObjectIsRefused() {
        assertThatThrownBy(() -> KeyProtection.requireNonExtractable(ALIAS, List.of()))
                .isInstanceOfSatisfying(
                        ExtractableKekException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNVERIFIABLE))
                .hasMessageContaining(ALIAS);
    }

    @Test
    void oneExtractableObjectAmongSeveralWithTheLabelIsRefused() {
        // Given: the same label on two tokens, one of them extractable
        List<KeyProtection> objects = List.of(new KeyProtection(false, true), new KeyProtection(true, false));
        // When / Then
        assertThatThrownBy(() -> KeyProtection.requireNonExtractable(ALIAS, objects))
                .isInstanceOfSatisfying(
                        ExtractableKekException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXTRACTABLE));
    }
}
