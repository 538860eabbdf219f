package dev.ctx.keyservice.auth;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a request presented: the Authorization header and the verified TLS client certificate chain (empty without
 * mTLS).
 *
 * @param authorization the raw Authorization header, or null
 * @param clientCertificates the chain Jetty verified against the trust store, leaf first
 */
public record Credentials(String authorization, List<X509Certificate> clientCertificates) {

    public Credentials {
        clientCertificates = clientCertificates == null ? List.of() : List.copyOf(clientCertificates);
    }
}
