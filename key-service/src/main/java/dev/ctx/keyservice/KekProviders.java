package dev.ctx.keyservice;

import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.config.KeyServiceConfigDef;
import dev.ctx.keyservice.kek.MasterKek;
import dev.ctx.keyservice.kek.Pkcs11Kek;
import dev.ctx.keyservice.kek.Pkcs12KeystoreKek;

/** Opens the configured master KEK: {@code kek.provider = pkcs12} (default) or {@code pkcs11}. */
final class KekProviders {

    private KekProviders() {}

    static MasterKek open(KeyServiceConfig config) {
        String alias = config.getString(KeyServiceConfigDef.KEK_ALIAS_CONFIG);
        if (config.getString(KeyServiceConfigDef.KEK_PROVIDER_CONFIG).equals(KeyServiceConfigDef.KEK_PROVIDER_PKCS11)) {
            return Pkcs11Kek.open(
                    config.getPath(KeyServiceConfigDef.KEK_PKCS11_CONFIG_CONFIG),
                    config.secret(KeyServiceConfigDef.KEK_PKCS11_PIN_SECRET),
                    alias);
        }
        return Pkcs12KeystoreKek.open(
                config.getPath(KeyServiceConfigDef.KEK_PKCS12_PATH_CONFIG),
                config.secret(KeyServiceConfigDef.KEK_PKCS12_PASSWORD_SECRET),
                alias);
    }
}
