package dev.ctx.keyservice.store;

import java.util.List;

import dev.ctx.keyservice.escrow.EscrowCase;
import dev.ctx.keyservice.escrow.EscrowState;
import dev.ctx.keyservice.escrow.OfficerApproval;
import dev.ctx.schemas.access.EscrowApproval;
import dev.ctx.schemas.access.EscrowRequest;
import dev.ctx.schemas.access.EscrowRequestState;

/** {@link EscrowCase} to and from its {@code escrow-requests} record, {@link EscrowRequest}. */
final class EscrowRecordMapper {

    private EscrowRecordMapper() {}

    static EscrowRequest toAvro(EscrowCase c) {
        return EscrowRequest.newBuilder()
                .setRequestId(c.requestId())
                .setTransactionIds(c.transactionIds())
                .setAuthorizationReference(c.authorizationReference())
                .setLegalBasis(c.legalBasis())
                .setReason(c.reason())
                .setFieldNames(c.fields())
                .setRequestedBy(c.requestedBy())
                .setRequestedAt(c.requestedAt())
                .setExpiresAt(c.expiresAt())
                .setState(EscrowRequestState.valueOf(c.state().name()))
                .setApprovals(c.approvals().stream()
                        .map(a -> new EscrowApproval(a.officer(), a.approvedAt()))
                        .toList())
                .setClosedBy(c.closedBy())
                .setClosedAt(c.closedAt())
                .setClosingReason(c.closingReason())
                .setMaxOpens(c.maxOpens())
                .setOpens(c.opens())
                .setLastOpenedAt(c.lastOpenedAt())
                .build();
    }

    /**
     * @throws IllegalArgumentException if the key is not the record's request id, the state is one this version does
     *     not know, the approvals break the two-person rule (the requester, an officer twice, or fewer than two for
     *     APPROVED or OPENED), or the counts are impossible: the follower then drops the request
     */
    static EscrowCase fromAvro(String key, EscrowRequest r) {
        if (!r.getRequestId().equals(key)) {
            throw new IllegalArgumentException("record key and request id differ");
        }
        if (r.getState() == EscrowRequestState.UNKNOWN) {
            throw new IllegalArgumentException("unknown escrow request state");
        }
        if (r.getMaxOpens() < 1 || r.getOpens() < 0 || r.getOpens() > r.getMaxOpens()) {
            throw new IllegalArgumentException("impossible open counts");
        }
        long distinctApprovers = r.getApprovals().stream()
                .map(EscrowApproval::getOfficer)
                .filter(o -> !o.equals(r.getRequestedBy()))
                .distinct()
                .count();
        boolean approved = r.getState() == EscrowRequestState.APPROVED || r.getState() == EscrowRequestState.OPENED;
        if (distinctApprovers != r.getApprovals().size()
                || (approved && distinctApprovers < EscrowCase.APPROVALS_NEEDED)) {
            throw new IllegalArgumentException("approvals break the two-person rule");
        }
        List<OfficerApproval> approvals = r.getApprovals().stream()
                .map(a -> new OfficerApproval(a.getOfficer(), a.getApprovedAt()))
                .toList();
        return new EscrowCase(
                r.getRequestId(),
                List.copyOf(r.getTransactionIds()),
                r.getAuthorizationReference(),
                r.getLegalBasis(),
                r.getReason(),
                List.copyOf(r.getFieldNames()),
                r.getRequestedBy(),
                r.getRequestedAt(),
                r.getExpiresAt(),
                EscrowState.valueOf(r.getState().name()),
                approvals,
                r.getClosedBy(),
                r.getClosedAt(),
                r.getClosingReason(),
                r.getMaxOpens(),
                r.getOpens(),
                r.getLastOpenedAt());
    }
}
