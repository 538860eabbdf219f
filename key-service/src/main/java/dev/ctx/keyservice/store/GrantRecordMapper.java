package dev.ctx.keyservice.store;

import java.util.List;
import java.util.Set;

import dev.ctx.keyservice.grants.Grant;
import dev.ctx.keyservice.grants.GrantState;
import dev.ctx.schemas.access.AccessGrant;

/** {@link GrantState} to and from its {@code access-grants} record, {@link AccessGrant}. */
final class GrantRecordMapper {

    private GrantRecordMapper() {}

    static AccessGrant toAvro(GrantState state) {
        Grant grant = state.grant();
        return AccessGrant.newBuilder()
                .setGrantId(grant.grantId())
                .setGrantee(grant.grantee())
                .setTransactionIds(grant.transactionIds())
                .setParticipantId(grant.participantId())
                .setRangeFrom(grant.from())
                .setRangeTo(grant.to())
                .setPurpose(grant.purpose())
                .setFieldNames(grant.fields().stream().sorted().toList())
                .setNotBefore(grant.notBefore())
                .setNotAfter(grant.notAfter())
                .setGrantedBy(grant.grantedBy())
                .setGrantedAt(state.grantedAt())
                .setRevokedAt(state.revokedAt())
                .setRevokedBy(state.revokedBy())
                .build();
    }

    static GrantState fromAvro(AccessGrant record) {
        Grant grant = new Grant(
                record.getGrantId(),
                record.getGrantee(),
                List.copyOf(record.getTransactionIds()),
                record.getParticipantId(),
                record.getRangeFrom(),
                record.getRangeTo(),
                record.getPurpose(),
                Set.copyOf(record.getFieldNames()),
                record.getNotBefore(),
                record.getNotAfter(),
                record.getGrantedBy());
        return new GrantState(grant, record.getGrantedAt(), record.getRevokedAt(), record.getRevokedBy());
    }
}
