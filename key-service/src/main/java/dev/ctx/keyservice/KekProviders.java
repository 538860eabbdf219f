package dev.ctx.keyservice;

import java.nio.file.Path;

import dev.ctx.keyservice.config.ConfigException;
import dev.ctx.keyservice.config.ConfigSource;
import dev.ctx.keyservice.kek.MasterKek;
import dev.ctx.keyservice.kek.Pkcs11Kek;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;

/** Opens the configured master KEK: {@code kek.provider = pkcs12} (default) or {@code pkcs11}. */
final class KekProviders {

    private KekProviders() {
    }

    static MasterKek open(ConfigSource config) {
        String alias = config.string("kek.alias", "master-kek");
        String provider = config.string("kek.provider", "pkcs12");
        return switch (provider) {
            case "pkcs12" -> Pkcs12KeystoreKek.open(Path.of(config.required("kek.pkcs12.path")), config.secret("kek.pkcs12.password"), alias);
            case "pkcs11" -> Pkcs11Kek.open(Path.of(config.required("kek.pkcs11.config")), config.secret("kek.pkcs11.pin"), alias);
            default -> throw new ConfigException("kek.provider must be pkcs12 or pkcs11");
        };
    }
}
