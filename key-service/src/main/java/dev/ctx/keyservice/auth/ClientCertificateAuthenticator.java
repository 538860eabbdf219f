package dev.ctx.keyservice.auth;

import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Maps a TLS client certificate the server already verified (Jetty, {@code needClientAuth}) to an identity: the
 * subject's CN is the identity (the participant id for participants), its OU the role ({@code participant},
 * {@code operator}, {@code compliance}). A certificate without both is refused.
 */
public final class ClientCertificateAuthenticator implements Authenticator {

    @Override
    public Optional<Identity> authenticate(Credentials credentials) {
        if (credentials.clientCertificates().isEmpty()) {
            return Optional.empty();
        }
        X509Certificate leaf = credentials.clientCertificates().get(0);
        try {
            LdapName name = new LdapName(leaf.getSubjectX500Principal().getName());
            String cn = attribute(name, "CN");
            Role role = Role.fromClaim(attribute(name, "OU"))
                    .orElseThrow(() -> new AuthenticationException("client certificate OU is not a known role"));
            return Optional.of(new Identity(cn, role, "mtls"));
        } catch (InvalidNameException e) {
            throw new AuthenticationException("client certificate subject is malformed");
        }
    }

    private static String attribute(LdapName name, String type) {
        return name.getRdns().stream().filter(r -> r.getType().equalsIgnoreCase(type)).map(Rdn::getValue).map(Object::toString)
                .findFirst().orElseThrow(() -> new AuthenticationException("client certificate subject has no " + type));
    }
}
