package dev.ctx.keyservice.api;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import io.javalin.config.JavalinConfig;

/**
 * Replaces Javalin's plain HTTP listener with an HTTPS one (TLS 1.3/1.2) that verifies client certificates against
 * the trust store; the verified chain reaches handlers as {@code jakarta.servlet.request.X509Certificate}.
 */
public final class TlsConnector {

    private TlsConnector() {}

    /** Adds the HTTPS connector on {@code host:port}; Javalin then adds no plain connector. */
    public static void install(JavalinConfig cfg, TlsSettings tls, String host, int port) {
        cfg.jetty.addConnector((server, httpConfig) -> connector(server, httpConfig, tls, host, port));
    }

    private static Connector connector(
            Server server, HttpConfiguration httpConfig, TlsSettings tls, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server, new SslConnectionFactory(sslContext(tls), "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private static SslContextFactory.Server sslContext(TlsSettings tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.keyStorePassword());
        ssl.setKeyStoreType("PKCS12");
        ssl.setTrustStorePath(tls.trustStore().toAbsolutePath().toString());
        ssl.setTrustStorePassword(tls.trustStorePassword());
        ssl.setTrustStoreType("PKCS12");
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        if (tls.needClientAuth()) {
            ssl.setNeedClientAuth(true);
        } else {
            ssl.setWantClientAuth(true);
        }
        return ssl;
    }
}
