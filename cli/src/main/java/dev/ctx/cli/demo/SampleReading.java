package dev.ctx.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.ctx.client.access.AccessResult;
import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.schemas.access.AccessEvent;
import dev.ctx.schemas.access.AccessEventType;
import dev.ctx.schemas.encrypted.EncryptedTransaction;

/**
 * Reads the demo's sample the sanctioned way: an access request by {@value #READER} (a participant), one by a
 * registered participant that is not listed in the transaction (denied), and both decisions read back from
 * {@code access-log.events}. No private key enters the demo process.
 */
final class SampleReading {

    static final String READER = "miner-1";
    static final String PURPOSE = "settlement";
    private static final List<String> CONFIDENTIAL_FIELDS = List.of("amount", "pricing", "settlementDetails");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final PrintWriter out;
    private final DemoStack stack;
    private final CommittedAccessEvents events;

    SampleReading(PrintWriter out, DemoStack stack, CommittedAccessEvents events) {
        this.out = out;
        this.stack = stack;
        this.events = events;
    }

    /** A sample must list the reader and leave out one of the demo's participants (to be denied). */
    static boolean suits(EncryptedTransaction transaction) {
        return transaction.getParticipants().contains(READER)
                && !transaction.getParticipants().containsAll(DemoCommand.PARTICIPANTS);
    }

    void show(EncryptedTransaction encrypted) throws InterruptedException {
        String transactionId = encrypted.getTransactionId();
        String outsider = DemoCommand.PARTICIPANTS.stream()
                .filter(id -> !encrypted.getParticipants().contains(id))
                .findFirst()
                .orElseThrow();
        say("Read through the access API (POST /v1/access-requests, " + stack.keyServiceUrl() + "), purpose " + PURPOSE
                + ":");
        try {
            granted(SampleAccess.request(stack.accessClient(READER), transactionId, PURPOSE, PATIENCE), encrypted);
        } catch (KeyServiceException e) {
            say("  " + READER + " was refused: " + e.getMessage());
        }
        try {
            stack.accessClient(outsider).requestAccess(transactionId, PURPOSE);
            say("  " + outsider + " (not a participant) was granted access: this should not happen");
        } catch (KeyServiceException e) {
            say("  " + outsider + " (not a participant): " + e.status() + " " + e.reason() + ", no data");
        }
        showEvents(transactionId, outsider);
    }

    private void granted(AccessResult result, EncryptedTransaction encrypted) {
        say("  " + READER + " (participant): 200, authorized by " + result.authorizedBy() + ", released "
                + result.fields().keySet() + " (the key service unwrapped with " + READER
                + "'s custodial key; the demo holds no private key)");
        for (Map.Entry<String, JsonNode> field : result.fields().entrySet()) {
            String value = field.getValue().isTextual()
                    ? field.getValue().asText()
                    : field.getValue().toString();
            String unit = "amount".equals(field.getKey()) ? " " + encrypted.getCurrency() : "";
            say(String.format("    %-17s %s%s", field.getKey(), abbreviated(value), unit));
        }
        CONFIDENTIAL_FIELDS.stream()
                .filter(name -> !result.fields().containsKey(name))
                .forEach(name -> say("    " + name + " is not released for purpose " + PURPOSE));
    }

    private void showEvents(String transactionId, String outsider) {
        List<AccessEvent> decisions = events.await(
                event -> transactionId.equals(event.getTransactionId()) && isShownDecision(event, outsider),
                2,
                Duration.ofSeconds(15));
        say("Both decisions as committed to access-log.events (read_committed):");
        for (AccessEvent event : decisions) {
            say(String.format(
                    "  %-14s requester=%s purpose=%s authorizedBy=%s dataAccessed=%s reason=%s",
                    event.getType(),
                    event.getRequester(),
                    event.getPurpose(),
                    event.getAuthorizedBy(),
                    event.getDataAccessed(),
                    abbreviated(String.valueOf(event.getReason()))));
        }
    }

    private static boolean isShownDecision(AccessEvent event, String outsider) {
        return (event.getType() == AccessEventType.ACCESS_GRANTED && READER.equals(event.getRequester()))
                || (event.getType() == AccessEventType.ACCESS_DENIED && outsider.equals(event.getRequester()));
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
