package dev.ctx.processor.rewrap;

import java.util.List;

/**
 * The key service's batch rewrap call. The call is idempotent: rewrapping the same wrap again yields another valid
 * wrap of the same DEK, so a batch whose answer was lost (crash before the commit) is simply asked again.
 */
public interface RewrapClient {

    /**
     * Rewraps every item of {@code request} for the participant's key {@code request.toVersion()}.
     *
     * @return one result per item, in the order of the items
     * @throws RewrapUnavailableException if the key service cannot answer now (network, timeout, 5xx); retry later
     * @throws RewrapVersionConflictException if {@code toVersion} is not the participant's current ACTIVE version
     */
    List<RewrapResult> rewrap(RewrapRequest request);

    /**
     * Tells the key service that no envelope wraps under {@code participantId}'s {@code version} any more
     * ({@code remainingEnvelopes: 0}), which retires it. Only the retirement decision calls this, once every partition
     * has reported zero.
     *
     * @throws RewrapUnavailableException if the key service cannot answer now; ask again later
     * @throws RewrapVersionConflictException if the key service refuses the transition (already retired, current)
     */
    void retire(String participantId, int version);
}
