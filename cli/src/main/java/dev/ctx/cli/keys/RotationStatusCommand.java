package dev.ctx.cli.keys;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.cli.common.KafkaOptions;

/**
 * {@code ctx keys rotation-status [ID]}: per participant, its key versions with status (key service), the envelopes
 * remaining per old version on every partition (the rewrap job's progress topic) and the versions waiting for
 * retirement.
 */
@Command(
        name = "rotation-status",
        mixinStandardHelpOptions = true,
        description = "Show rotation progress: key versions with status (key service), envelopes remaining per old"
                + " version (progress topic), versions waiting for retirement.")
final class RotationStatusCommand extends KeyServiceCall {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Participant id (default: all).")
    String id;

    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--progress-topic",
            defaultValue = "rewrap.progress",
            description = "The rewrap job's progress topic (default: ${DEFAULT-VALUE}).")
    String progressTopic;

    @Option(
            names = "--envelopes-topic",
            defaultValue = "transactions.envelopes",
            description = "The envelopes topic whose partitions are counted (default: ${DEFAULT-VALUE}).")
    String envelopesTopic;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<JsonNode> participants = new ArrayList<>();
        if (id != null) {
            participants.add(service.client().keys(id));
        } else {
            JsonNode all = service.client().participants();
            (all.isArray() ? all : all.path("participants")).forEach(participants::add);
        }
        RotationStatus status;
        try (ProgressTopicReader reader = new ProgressTopicReader(kafka.bootstrapServers())) {
            status = RotationStatus.of(participants, reader.latest(progressTopic), reader.partitionsOf(envelopesTopic));
        }
        out().println(json ? status.json() : status.table());
        return ExitCodes.OK;
    }
}
