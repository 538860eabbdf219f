package dev.ctx.client.access;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** A grant the key service created: its id and the grant as the service stored it ({@code 201} body). */
public record CreatedGrant(String grantId, JsonNode grant) {

    public CreatedGrant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(grant, "grant");
    }
}
