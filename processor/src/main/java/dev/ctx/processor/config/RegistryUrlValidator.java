package dev.ctx.processor.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts {@code http://}, {@code https://} and {@code mock://} registry URLs. */
final class RegistryUrlValidator implements ConfigDef.Validator {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mock");

    @Override
    public void ensureValid(String name, Object value) {
        String url = (String) value;
        if (url == null || url.isBlank()) {
            throw new ConfigException(name, value, "must not be empty");
        }
        URI uri = parse(name, url);
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
            throw new ConfigException(name, value, "scheme must be one of " + SCHEMES);
        }
        if (uri.getHost() == null && uri.getAuthority() == null) {
            throw new ConfigException(name, value, "must name a host (or a mock scope)");
        }
    }

    private static URI parse(String name, String url) {
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(name, url, "not a URI: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "http://host:port, https://host:port or mock://scope";
    }
}
