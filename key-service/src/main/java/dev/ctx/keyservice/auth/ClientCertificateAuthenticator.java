package dev.ctx.keyservice.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Maps a TLS client certificate the server already verified (Jetty, {@code needClientAuth}, against the private client
 * CA in {@code tls.truststore.path}) to an identity: the subject's CN is the identity (the participant id for
 * participants), its OU the role ({@code participant}, {@code operator}, {@code compliance}, compared exactly).
 *
 * <p>The subject must hold exactly one CN and exactly one OU, each a single non-blank attribute value: a certificate
 * with two CNs (or two OUs, or a multi-valued RDN mixing them) is ambiguous, since which one a check reads is an
 * implementation accident, and is refused. So is a role spelt any other way ({@code Operator}, {@code operators}).
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
            String cn = single(name, "CN");
            String ou = single(name, "OU");
            Role role = Role.fromClaim(ou)
                    .orElseThrow(() -> new AuthenticationException("client certificate OU is not a known role"));
            return Optional.of(new Identity(cn, role, "mtls"));
        } catch (InvalidNameException e) {
            throw new AuthenticationException("client certificate subject is malformed");
        }
    }

    /** The only value of attribute {@code type} in the subject; refused if absent, repeated or blank. */
    private static String single(LdapName name, String type) throws InvalidNameException {
        List<Object> values = new ArrayList<>();
        for (Rdn rdn : name.getRdns()) {
            Attribute attribute = rdn.toAttributes().get(type);
            for (int i = 0; attribute != null && i < attribute.size(); i++) {
                values.add(value(attribute, i));
            }
        }
        if (values.isEmpty()) {
            throw new AuthenticationException("client certificate subject has no " + type);
        }
        if (values.size() > 1) {
            throw new AuthenticationException("client certificate subject has more than one " + type);
        }
        if (!(values.get(0) instanceof String value) || value.isBlank()) {
            throw new AuthenticationException("client certificate subject " + type + " is not a text value");
        }
        return value;
    }

    private static Object value(Attribute attribute, int index) throws InvalidNameException {
        try {
            return attribute.get(index);
        } catch (NamingException e) {
            throw new InvalidNameException("unreadable attribute value");
        }
    }
}
