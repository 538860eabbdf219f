package dev.ctx.keyservice;

import java.util.List;

import dev.ctx.testkit.artifact.ProductionArtifact;
import dev.ctx.testkit.artifact.ProductionJarContract;

/** The packaged {@code target/ctx-key-service.jar} + {@code target/lib/}: what the key-service image runs. */
class ProductionJarIT extends ProductionJarContract {

    private static final String PKCS11_EXPORT =
            "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    @Override
    protected Expectations artifact() {
        return new Expectations(
                ProductionArtifact.inTarget("ctx-key-service"),
                List.of("javalin-", "ctx-schemas-"),
                List.of(PKCS11_EXPORT),
                "kafka.bootstrap.servers=127.0.0.1:9\nschema.registry.url=mock://prod\n"
                        + "kek.pkcs12.path=/nonexistent/kek.p12\nkek.pkcs12.password.env=KEK_PASSWORD\n"
                        + "auth.jwt.issuer=issuer\nauth.jwt.audience=audience\n"
                        + "auth.jwt.hs256.secret.file=/nonexistent/jwt-secret\n",
                2,
                List.of("invalid configuration", "schema.registry.url is a mock:// URL"));
    }
}
