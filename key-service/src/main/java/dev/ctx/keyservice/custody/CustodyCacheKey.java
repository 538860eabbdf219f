package dev.ctx.keyservice.custody;

/**
 * The cache key of one unsealed custodial key version.
 *
 * @param participantId the key's owner
 * @param version the key version
 */
record CustodyCacheKey(String participantId, int version) {}
