package dev.ctx.keyservice.kek;

import java.nio.file.Path;

/** One KEK provider under test: provisions a key under an alias and opens it as a {@link MasterKek}. */
public interface KekFixture {

    void provision(String alias);

    MasterKek open(String alias);

    /** A PKCS#12 keystore per alias in {@code dir}. */
    static KekFixture pkcs12(Path dir) {
        String password = "kek-test-password";
        return new KekFixture() {
            @Override
            public void provision(String alias) {
                Pkcs12KeystoreKek.createWithNewKey(dir.resolve(alias + ".p12"), password.toCharArray(), alias);
            }

            @Override
            public MasterKek open(String alias) {
                return Pkcs12KeystoreKek.open(dir.resolve(alias + ".p12"), password.toCharArray(), alias);
            }

            @Override
            public String toString() {
                return "pkcs12";
            }
        };
    }

    /**
     * Keys in the JVM's SoftHSM2 token. The SoftHSM2 assumption runs here, when the fixture is made, so the calling
     * test is skipped (or, under {@code CTX_REQUIRE_SOFTHSM=1}, fails) before it reaches the code under test or an
     * assertion.
     */
    static KekFixture pkcs11() {
        SoftHsmToken token = SoftHsmToken.shared();
        return new KekFixture() {
            @Override
            public void provision(String alias) {
                Pkcs11Kek.generateKey(token.pkcs11Config(), token.pin(), alias);
            }

            @Override
            public MasterKek open(String alias) {
                return Pkcs11Kek.open(token.pkcs11Config(), token.pin(), alias);
            }

            @Override
            public String toString() {
                return "pkcs11";
            }
        };
    }
}
