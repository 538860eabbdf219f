package dev.ctx.keyservice.revocation;

import java.util.Objects;
import java.util.UUID;

/**
 * A command the key service recorded (202): the rewrap topology applies it shortly after.
 *
 * @param commandId the command's id
 * @param transactionId its transaction
 * @param eventId the committed access event of the request
 */
public record AcceptedCommand(UUID commandId, String transactionId, String eventId) {

    public AcceptedCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(eventId, "eventId");
    }
}
