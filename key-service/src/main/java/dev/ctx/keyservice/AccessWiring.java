package dev.ctx.keyservice;

import static dev.ctx.keyservice.config.KeyServiceConfigDef.ACCESS_COMMIT_LINGER_MS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ACCESS_COMMIT_MAX_EVENTS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ACCESS_COMMIT_QUEUE_CAPACITY_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ACCESS_LEVELS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.ACCESS_REQUIRE_MFA_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.CUSTODY_CACHE_MAX_KEYS_CONFIG;
import static dev.ctx.keyservice.config.KeyServiceConfigDef.CUSTODY_CACHE_TTL_CONFIG;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ctx.keyservice.access.AccessLevels;
import dev.ctx.keyservice.access.AccessService;
import dev.ctx.keyservice.access.AccessSettings;
import dev.ctx.keyservice.access.ParticipantDirectory;
import dev.ctx.keyservice.audit.AccessEventCommitter;
import dev.ctx.keyservice.audit.AccessEvents;
import dev.ctx.keyservice.config.KeyServiceConfig;
import dev.ctx.keyservice.custody.CachingCustodialKeys;
import dev.ctx.keyservice.custody.CustodialKeys;
import dev.ctx.keyservice.grants.GrantBook;
import dev.ctx.keyservice.lookup.ParticipantTransactions;
import dev.ctx.keyservice.lookup.TransactionLookup;
import dev.ctx.keyservice.participants.ParticipantStates;
import dev.ctx.keyservice.receipts.ReceiptProofService;
import dev.ctx.keyservice.receipts.ReceiptProofSettings;
import dev.ctx.keyservice.store.AccessEventLog;
import dev.ctx.keyservice.store.StoreConfig;
import dev.ctx.schemas.access.AccessEvent;

/**
 * The access-request path: its transactional event log, the group committer in front of it and the service. Closing
 * commits what is queued, then closes the producer.
 */
public final class AccessWiring implements AutoCloseable {

    private final AccessEventLog log;
    private final AccessEventCommitter committer;
    private final AccessService service;
    private final Duration timeout;
    private final CustodialKeys keys;
    private final ReceiptProofService receiptProofs;

    private AccessWiring(
            AccessEventLog log,
            AccessEventCommitter committer,
            AccessService service,
            Duration timeout,
            CustodialKeys keys,
            ReceiptProofService receiptProofs) {
        this.log = log;
        this.committer = committer;
        this.service = service;
        this.timeout = timeout;
        this.keys = keys;
        this.receiptProofs = receiptProofs;
    }

    /**
     * Starts the path; the caller closes it after the HTTP server stopped. {@code unsealing} is put behind the
     * custodial key cache ({@code custody.cache.*}), which the registry's key status changes invalidate.
     */
    public static AccessWiring start(
            KeyServiceConfig config,
            StoreConfig store,
            Serde<AccessEvent> serde,
            TransactionLookup lookup,
            GrantBook grants,
            ParticipantStates states,
            CustodialKeys unsealing,
            AccessEvents events,
            Clock clock,
            MeterRegistry meters) {
        CustodialKeys keys = CachingCustodialKeys.wrap(
                unsealing,
                config.getInt(CUSTODY_CACHE_MAX_KEYS_CONFIG),
                config.getDuration(CUSTODY_CACHE_TTL_CONFIG),
                meters);
        if (keys instanceof CachingCustodialKeys cache) {
            states.addKeyStatusListener(cache);
        }
        AccessSettings settings = new AccessSettings(
                AccessLevels.parse(config.getString(ACCESS_LEVELS_CONFIG)),
                config.getBoolean(ACCESS_REQUIRE_MFA_CONFIG),
                store.timeout().multipliedBy(2).plusSeconds(1));
        AccessEventLog log = AccessEventLog.open(store, serde);
        AccessEventCommitter committer = AccessEventCommitter.start(
                config.getInt(ACCESS_COMMIT_QUEUE_CAPACITY_CONFIG),
                config.getInt(ACCESS_COMMIT_MAX_EVENTS_CONFIG),
                Duration.ofMillis(config.getInt(ACCESS_COMMIT_LINGER_MS_CONFIG)),
                log,
                meters);
        AccessService service = new AccessService(
                lookup, ParticipantDirectory.of(states), grants, keys, committer, events, settings, clock, meters);
        ReceiptProofService proofs = lookup instanceof ParticipantTransactions byParticipant
                ? new ReceiptProofService(
                        lookup,
                        byParticipant,
                        ParticipantDirectory.of(states),
                        keys,
                        committer,
                        events,
                        new ReceiptProofSettings(
                                settings.requireMfa(), settings.commitTimeout(), ReceiptProofSettings.MAX_TRANSACTIONS),
                        new SecureRandom())
                : null;
        return new AccessWiring(log, committer, service, store.timeout(), keys, proofs);
    }

    /**
     * Receipt proofs from custodial data, sharing this path's key cache, committer and step-up setting; null when
     * the lookup cannot list a participant's transactions.
     */
    public ReceiptProofService receiptProofs() {
        return receiptProofs;
    }

    public AccessService service() {
        return service;
    }

    /** The group committer of access events (the rewrap batches commit their events through it too). */
    public AccessEventCommitter committer() {
        return committer;
    }

    /** The custodial keys behind the cache (the rewrap path borrows old keys through it too). */
    public CustodialKeys custodialKeys() {
        return keys;
    }

    @Override
    public void close() {
        committer.close(timeout);
        log.close();
        if (keys instanceof CachingCustodialKeys cache) {
            cache.close();
        }
    }
}
