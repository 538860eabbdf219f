package dev.ctx.processor.config;

import static dev.ctx.processor.config.ProcessorConfig.TOPIC_ACCESS_EVENTS_CONFIG;
import static dev.ctx.processor.config.ProcessorConfig.TOPIC_DLQ_CONFIG;
import static dev.ctx.processor.config.ProcessorConfig.TOPIC_ENCRYPTED_CONFIG;
import static dev.ctx.processor.config.ProcessorConfig.TOPIC_ENVELOPES_CONFIG;
import static dev.ctx.processor.config.ProcessorConfig.TOPIC_ENVELOPE_COMMANDS_CONFIG;
import static dev.ctx.processor.config.ProcessorConfig.TOPIC_PARTICIPANT_KEYS_CONFIG;
import static dev.ctx.processor.config.ProcessorConfig.TOPIC_RECEIPTS_CONFIG;
import static dev.ctx.processor.config.ProcessorConfig.TOPIC_TRANSACTIONS_CONFIG;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import dev.ctx.processor.topics.TopicNames;

/** The topic-name keys: declared together so that defaults and accessors cannot drift apart. */
final class TopicKeys {

    private TopicKeys() {}

    static void define(ConfigDef def) {
        TopicNames defaults = TopicNames.defaults();
        topic(def, TOPIC_TRANSACTIONS_CONFIG, defaults.transactions(), "Input: plaintext transactions (delete).");
        topic(def, TOPIC_ENCRYPTED_CONFIG, defaults.encrypted(), "Output: encrypted transactions (delete).");
        topic(def, TOPIC_ENVELOPES_CONFIG, defaults.envelopes(), "Output: envelopes of wrapped DEKs (compact).");
        topic(
                def,
                TOPIC_PARTICIPANT_KEYS_CONFIG,
                defaults.participantKeys(),
                "Input: public keyrings of participants and the escrow key (compact).");
        topic(
                def,
                TOPIC_ACCESS_EVENTS_CONFIG,
                defaults.accessEvents(),
                "Output: ENCRYPTED and PASSED_IN_CLEAR access events (delete).");
        topic(def, TOPIC_DLQ_CONFIG, defaults.deadLetters(), "Output: dead letters, coordinates and reason (delete).");
        topic(
                def,
                TOPIC_ENVELOPE_COMMANDS_CONFIG,
                defaults.envelopeCommands(),
                "Input of the rewrap topology: the key service's revocation and shredding commands (delete),"
                        + " co-partitioned with the envelopes topic.");
        topic(
                def,
                TOPIC_RECEIPTS_CONFIG,
                defaults.receipts(),
                "Output: receipts, commitments to amounts with opening proofs (delete).");
    }

    private static void topic(ConfigDef def, String key, String defaultName, String doc) {
        def.define(key, Type.STRING, defaultName, new TopicNameValidator(), Importance.MEDIUM, doc);
    }

    static TopicNames names(ProcessorConfig config) {
        return new TopicNames(
                config.getString(TOPIC_TRANSACTIONS_CONFIG),
                config.getString(TOPIC_ENCRYPTED_CONFIG),
                config.getString(TOPIC_ENVELOPES_CONFIG),
                config.getString(TOPIC_PARTICIPANT_KEYS_CONFIG),
                config.getString(TOPIC_ACCESS_EVENTS_CONFIG),
                config.getString(TOPIC_DLQ_CONFIG),
                config.getString(TOPIC_ENVELOPE_COMMANDS_CONFIG),
                config.getString(TOPIC_RECEIPTS_CONFIG));
    }
}
