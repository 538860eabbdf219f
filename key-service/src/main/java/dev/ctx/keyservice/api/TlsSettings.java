package dev.ctx.keyservice.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The HTTPS listener: server key and certificate, the CA(s) client certificates must chain to, and whether a client
 * certificate is required ({@code need}) or optional ({@code want}, so JWT-only callers can connect).
 *
 * @param keyStore PKCS#12 with the server key and certificate chain
 * @param keyStorePassword its password
 * @param trustStore PKCS#12 with the trusted client CA certificates
 * @param trustStorePassword its password
 * @param needClientAuth true: no certificate, no TLS session
 */
public record TlsSettings(
        Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword, boolean needClientAuth) {

    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", trustStore=" + trustStore + ", needClientAuth=" + needClientAuth
                + ", passwords=<redacted>]";
    }
}
