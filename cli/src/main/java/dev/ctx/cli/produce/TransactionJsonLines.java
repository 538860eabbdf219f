package dev.ctx.cli.produce;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ctx.schemas.transaction.AccessPolicy;
import dev.ctx.schemas.transaction.Pricing;
import dev.ctx.schemas.transaction.SettlementDetails;
import dev.ctx.schemas.transaction.Transaction;
import dev.ctx.schemas.transaction.TransactionStatus;

/**
 * Reads transactions from a JSON Lines file: one JSON object per line with the fields of {@code Transaction.avsc};
 * decimals as strings or numbers (at most 8 decimal places), timestamps as ISO-8601 strings or epoch milliseconds.
 * Errors name the line and the field, never the value (it may be confidential).
 */
public final class TransactionJsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCALE = 8;
    /** The precision of the decimal fields in Transaction.avsc. */
    private static final int PRECISION = 38;
    /** The instants a timestamp-millis field can hold. */
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);

    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    private TransactionJsonLines() {}

    /** Every non-blank line of {@code file} as a transaction. */
    public static List<Transaction> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /** Every non-blank line of {@code reader} as a transaction. */
    static List<Transaction> read(BufferedReader reader) throws IOException {
        List<Transaction> transactions = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                transactions.add(parse(line, number));
            }
        }
        return transactions;
    }

    static Transaction parse(String line, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidTransactionLineException(number, "(line)", "is not valid JSON");
        }
        Fields fields = new Fields(node, number, "");
        return Transaction.newBuilder()
                .setTransactionId(fields.text("transactionId"))
                .setJobId(fields.text("jobId"))
                .setTimestamp(fields.instant("timestamp"))
                .setStatus(fields.status("status"))
                .setAmount(fields.decimal("amount"))
                .setCurrency(fields.text("currency"))
                .setPricing(pricing(fields.object("pricing")))
                .setSettlementDetails(settlement(fields.object("settlementDetails")))
                .setConfidential(fields.bool("confidential", true))
                .setParticipants(fields.texts("participants"))
                .setAccessPolicy(policy(fields.optionalObject("accessPolicy")))
                .build();
    }

    private static Pricing pricing(Fields fields) {
        return Pricing.newBuilder()
                .setUnitPrice(fields.decimal("unitPrice"))
                .setQuantity(fields.decimal("quantity"))
                .setFee(fields.decimal("fee"))
                .setPricingModel(fields.text("pricingModel"))
                .setAttributes(fields.map("attributes"))
                .build();
    }

    private static SettlementDetails settlement(Fields fields) {
        return SettlementDetails.newBuilder()
                .setMethod(fields.text("method"))
                .setAccountReference(fields.text("accountReference"))
                .setSettlementDate(fields.optionalInstant("settlementDate"))
                .setAttributes(fields.map("attributes"))
                .build();
    }

    private static AccessPolicy policy(Fields fields) {
        return AccessPolicy.newBuilder()
                .setAllowedPurposes(fields.optionalTexts("allowedPurposes"))
                .setNotBefore(fields.optionalInstant("notBefore"))
                .setNotAfter(fields.optionalInstant("notAfter"))
                .build();
    }

    /** Typed access to one JSON object's fields, with errors naming line and path. */
    private record Fields(JsonNode node, int line, String path) {

        JsonNode required(String name) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                throw new InvalidTransactionLineException(line, path + name, "is required");
            }
            return value;
        }

        String text(String name) {
            JsonNode value = required(name);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new InvalidTransactionLineException(line, path + name, "must be a non-empty string");
            }
            return value.asText();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw new InvalidTransactionLineException(line, path + name, "must be true or false");
            }
            return value.asBoolean();
        }

        /**
         * Bounds are checked on the stripped value before any rescaling: {@code "1e999999999"} is a short string whose
         * rescaling to 8 places would compute a billion-digit number.
         */
        BigDecimal decimal(String name) {
            JsonNode value = required(name);
            try {
                BigDecimal decimal =
                        (value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText())).stripTrailingZeros();
                if (decimal.scale() > SCALE || decimal.precision() - decimal.scale() > PRECISION - SCALE) {
                    throw new ArithmeticException("out of range");
                }
                return decimal.setScale(SCALE, RoundingMode.UNNECESSARY);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidTransactionLineException(
                        line, path + name, "must be a decimal with at most 8 decimal places and 30 integer digits");
            }
        }

        Instant instant(String name) {
            return parseInstant(required(name), name);
        }

        Instant optionalInstant(String name) {
            JsonNode value = node.path(name);
            return value.isMissingNode() || value.isNull() ? null : parseInstant(value, name);
        }

        /** An instant the record can hold: timestamps are epoch milliseconds in a long. */
        private Instant parseInstant(JsonNode value, String name) {
            try {
                if (value.isIntegralNumber() && !value.canConvertToLong()) {
                    throw new ArithmeticException("out of range");
                }
                Instant instant = value.isIntegralNumber()
                        ? Instant.ofEpochMilli(value.longValue())
                        : Instant.parse(value.asText());
                if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                    throw new ArithmeticException("out of range");
                }
                return instant;
            } catch (DateTimeException | ArithmeticException e) {
                throw new InvalidTransactionLineException(line, path + name, "must be ISO-8601 or epoch milliseconds");
            }
        }

        TransactionStatus status(String name) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                return TransactionStatus.UNKNOWN;
            }
            try {
                return TransactionStatus.valueOf(value.asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidTransactionLineException(line, path + name, "is not a known status");
            }
        }

        List<String> texts(String name) {
            JsonNode value = required(name);
            if (!value.isArray() || value.isEmpty()) {
                throw new InvalidTransactionLineException(line, path + name, "must be a non-empty array of strings");
            }
            return strings(value, name);
        }

        List<String> optionalTexts(String name) {
            JsonNode value = node.path(name);
            return value.isMissingNode() || value.isNull() ? List.of() : strings(value, name);
        }

        private List<String> strings(JsonNode array, String name) {
            List<String> values = new ArrayList<>();
            for (JsonNode element : array) {
                if (!element.isTextual()) {
                    throw new InvalidTransactionLineException(line, path + name, "must hold only strings");
                }
                values.add(element.asText());
            }
            return values;
        }

        Map<String, String> map(String name) {
            JsonNode value = node.path(name);
            Map<String, String> map = new LinkedHashMap<>();
            if (value.isMissingNode() || value.isNull()) {
                return map;
            }
            if (!value.isObject()) {
                throw new InvalidTransactionLineException(line, path + name, "must be an object of strings");
            }
            value.fields()
                    .forEachRemaining(
                            entry -> map.put(entry.getKey(), entry.getValue().asText()));
            return map;
        }

        Fields object(String name) {
            JsonNode value = required(name);
            if (!value.isObject()) {
                throw new InvalidTransactionLineException(line, path + name, "must be an object");
            }
            return new Fields(value, line, path + name + ".");
        }

        Fields optionalObject(String name) {
            JsonNode value = node.path(name);
            return new Fields(value.isObject() ? value : JSON.createObjectNode(), line, path + name + ".");
        }
    }
}
