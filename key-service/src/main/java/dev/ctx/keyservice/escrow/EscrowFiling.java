package dev.ctx.keyservice.escrow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a requester files, as asked (checked by {@link EscrowRules#filed}).
 *
 * @param transactionIds the transactions to open
 * @param authorizationReference the recorded authorization, e.g. a court-order number
 * @param legalBasis the legal basis
 * @param reason why
 * @param fields the confidential fields to open; null for every confidential field
 * @param expiresAt when the request lapses; exactly one of {@code expiresAt} and {@code expiresIn}
 * @param expiresIn how long from now the request lives
 */
public record EscrowFiling(
        List<String> transactionIds,
        String authorizationReference,
        String legalBasis,
        String reason,
        List<String> fields,
        Instant expiresAt,
        Duration expiresIn) {}
