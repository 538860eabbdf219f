package dev.ctx.envelope.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** A confidential-fields schema like the Transaction's and records of it. */
public final class Fixtures {

    public static final Schema SCHEMA = parse("/confidential-fields.avsc");
    public static final List<String> PARTICIPANTS = List.of("miner-789", "client-42", "settlement-7");

    private Fixtures() {}

    /** A record of about 400 bytes in Avro binary. */
    public static GenericRecord confidentialFields(String settlementNote) {
        GenericRecord pricing =
                new GenericData.Record(SCHEMA.getField("pricing").schema());
        pricing.put("unitPrice", new BigDecimal("1234.56780000"));
        pricing.put("feeBasisPoints", 25);
        pricing.put("model", "tiered-volume-discount");
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("amount", new BigDecimal("98765432.12345678"));
        record.put("pricing", pricing);
        record.put("settlementDetails", settlementNote);
        return record;
    }

    public static GenericRecord confidentialFields() {
        return confidentialFields("IBAN DE89 3704 0044 0532 0130 00; BIC COBADEFFXXX; reference INV-2026-000042; "
                + "value date 2026-11-24; correspondent bank Example Clearing AG, Frankfurt am Main; "
                + "beneficiary Example Mining Cooperative eG, Hauptstrasse 1, 10115 Berlin; "
                + "remittance: settlement of job 42 for miner 789, fees netted per contract 2026-A-17; "
                + "contact ops@example.invalid");
    }

    public static Schema parse(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
