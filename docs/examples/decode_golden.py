#!/usr/bin/env python3
"""Decodes ctx byte layouts from their documentation alone (Python 3 standard library, no crypto, no Avro library).

An independent check of docs/topics-and-records.md, docs/key-service-custody.md, docs/key-service-lookup.md and
docs/envelope-format.md: every offset, integer width and byte order used here is the one those pages state. Input
files are hex, as the golden files are: whitespace is ignored and '#' starts a comment. Output is one JSON object;
bytes are lower-case hex.

Usage:
  docs/examples/decode_golden.py encrypted-transaction schemas/src/test/resources/golden/encrypted-transaction-v2.hex
  docs/examples/decode_golden.py envelope              schemas/src/test/resources/golden/envelope-v2.hex
  docs/examples/decode_golden.py custody-record        key-service/src/test/resources/golden/custody-record-v1.hex
  docs/examples/decode_golden.py custody-record        key-service/src/test/resources/golden/custody-record-v2.hex
  docs/examples/decode_golden.py view-entry            key-service/src/test/resources/golden/view-entry-v1-found.hex
  docs/examples/decode_golden.py ciphertext            envelope/src/test/resources/golden/v2/ciphertext.hex
  docs/examples/decode_golden.py wrap                  envelope/src/test/resources/golden/v2/wrap-client-42.hex
  docs/examples/decode_golden.py envelope-command      schemas/src/test/resources/golden/envelope-command-v1-revoke.hex
  docs/examples/decode_golden.py escrow-request        schemas/src/test/resources/golden/escrow-request-v1.hex
"""
import datetime
import json
import sys

ESCROW_STATE = ["FILED", "APPROVED", "OPENED", "REJECTED", "WITHDRAWN", "EXPIRED", "UNKNOWN"]
TRANSACTION_STATUS = ["UNKNOWN", "PENDING", "CONFIRMED", "SETTLED", "FAILED", "CANCELLED"]
RECIPIENT_TYPE = ["PARTICIPANT", "ESCROW"]


class Reader:
    """Big-endian fixed-width integers and Avro binary encoding (zig-zag varints) over one byte string."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        if n < 0 or self.pos + n > len(self.data):
            raise ValueError("truncated at offset %d (need %d bytes)" % (self.pos, n))
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def u8(self):
        return self.take(1)[0]

    def u16(self):
        return int.from_bytes(self.take(2), "big")

    def u32(self):
        return int.from_bytes(self.take(4), "big")

    def end(self):
        if self.pos != len(self.data):
            raise ValueError("%d trailing bytes" % (len(self.data) - self.pos))

    # Avro binary encoding (Avro specification, "Binary Encoding")
    def avro_long(self):
        shift, value = 0, 0
        while True:
            b = self.u8()
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return (value >> 1) ^ -(value & 1)

    def avro_int(self):
        return self.avro_long()

    def avro_boolean(self):
        return self.u8() == 1

    def avro_bytes(self):
        return self.take(self.avro_long())

    def avro_string(self):
        return self.avro_bytes().decode("utf-8")

    def avro_enum(self, symbols):
        return symbols[self.avro_int()]

    def avro_timestamp_millis(self):
        millis = self.avro_long()
        moment = datetime.datetime.fromtimestamp(millis / 1000, tz=datetime.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (millis % 1000)

    def avro_array(self, item):
        items = []
        while True:
            count = self.avro_long()
            if count == 0:
                return items
            if count < 0:  # a negative count is followed by the block's byte size
                count = -count
                self.avro_long()
            items.extend(item() for _ in range(count))

    def avro_optional(self, value):
        """A union ["null", T]: branch index 0 is null, 1 is T."""
        branch = self.avro_long()
        if branch == 0:
            return None
        if branch != 1:
            raise ValueError("union branch %d" % branch)
        return value()


def confluent_frame(data):
    """Confluent wire format: magic byte 0x00, u32 big-endian schema id, then the Avro binary body."""
    r = Reader(data)
    magic = r.u8()
    if magic != 0:
        raise ValueError("magic byte %d, expected 0" % magic)
    return r.u32(), r


def encrypted_transaction(data):
    schema_id, r = confluent_frame(data)
    record = {"schemaId": schema_id}
    record["formatVersion"] = r.avro_int()
    record["transactionId"] = r.avro_string()
    record["jobId"] = r.avro_string()
    record["timestamp"] = r.avro_timestamp_millis()
    record["status"] = r.avro_enum(TRANSACTION_STATUS)
    record["currency"] = r.avro_string()
    record["confidential"] = r.avro_boolean()
    record["participants"] = r.avro_array(r.avro_string)
    record["accessPolicy"] = {
        "allowedPurposes": r.avro_array(r.avro_string),
        "notBefore": r.avro_optional(r.avro_timestamp_millis),
        "notAfter": r.avro_optional(r.avro_timestamp_millis),
    }
    record["sealed"] = r.avro_optional(lambda: {
        "ciphertext": r.avro_bytes().hex(),
        "schemaFingerprint": r.avro_bytes().hex(),
        "keyRefs": r.avro_array(lambda: {"participantId": r.avro_string(), "keyVersion": r.avro_int()}),
        "sealId": hex_or_none(r.avro_optional(r.avro_bytes)),
    })
    record["clear"] = r.avro_optional(lambda: clear_fields(r))
    r.end()
    return record


def clear_fields(r):
    def decimal():  # bytes, big-endian two's complement unscaled value, scale 8
        unscaled = int.from_bytes(r.avro_bytes(), "big", signed=True)
        return "%s%d.%08d" % ("-" if unscaled < 0 else "", abs(unscaled) // 10 ** 8, abs(unscaled) % 10 ** 8)

    def string_map():
        entries = {}
        for key, value in r.avro_array(lambda: (r.avro_string(), r.avro_string())):
            entries[key] = value
        return entries

    return {
        "amount": decimal(),
        "pricing": {"unitPrice": decimal(), "quantity": decimal(), "fee": decimal(),
                    "pricingModel": r.avro_string(), "attributes": string_map()},
        "settlementDetails": {"method": r.avro_string(), "accountReference": r.avro_string(),
                              "settlementDate": r.avro_optional(r.avro_timestamp_millis),
                              "attributes": string_map()},
    }


def envelope(data):
    schema_id, r = confluent_frame(data)
    record = {"schemaId": schema_id}
    record["formatVersion"] = r.avro_int()
    record["transactionId"] = r.avro_string()
    record["generation"] = r.avro_int()
    record["createdAt"] = r.avro_timestamp_millis()
    record["wraps"] = r.avro_array(lambda: {
        "recipientId": r.avro_string(),
        "recipientType": r.avro_enum(RECIPIENT_TYPE),
        "keyVersion": r.avro_int(),
        "wrap": r.avro_bytes().hex(),
    })
    record["sealId"] = hex_or_none(r.avro_optional(r.avro_bytes))
    r.end()
    return record


def custody_record(data):
    """key-custody value, layout v1 or v2 (docs/key-service-custody.md)."""
    r = Reader(data)
    version = r.u8()
    if version not in (1, 2):
        raise ValueError("custody record version %d" % version)
    record = {"version": version, "participantId": r.take(r.u16()).decode("utf-8"), "keys": []}
    for _ in range(r.u16()):
        key = {"keyVersion": r.u32(), "kekId": r.take(r.u16()).decode("utf-8"), "iv": r.take(12).hex()}
        sealed = r.take(r.u16())
        key["ciphertext"] = sealed[:-16].hex()
        key["tag"] = sealed[-16:].hex()
        record["keys"].append(key)
    record["participantHeldVersions"] = [r.u32() for _ in range(r.u16())] if version == 2 else []
    r.end()
    return record


def view_entry(data):
    """The key service's transaction view store value, layout v1 (docs/key-service-lookup.md)."""
    r = Reader(data)
    version = r.u8()
    if version != 1:
        raise ValueError("view entry version %d" % version)
    flags = r.u8()
    if flags & ~0x07:
        raise ValueError("unknown view entry flags %x" % flags)
    out = {"version": version, "shredded": bool(flags & 0x01), "generation": r.u32()}
    for flag, name in ((0x02, "record"), (0x04, "envelope")):
        if flags & flag:
            part = r.take(r.u32())
            out[name] = {"magic": part[0], "schemaId": int.from_bytes(part[1:5], "big"), "avro": part[5:].hex()}
    r.end()
    return out


def ciphertext(data):
    """SealedFields.ciphertext (docs/envelope-format.md, "Ciphertext part")."""
    r = Reader(data)
    version = r.u8()
    out = {"version": version}
    if version == 2:
        out["sealId"] = r.take(16).hex()
    elif version != 1:
        raise ValueError("ciphertext version %d" % version)
    out["nonce"] = r.take(12).hex()
    rest = r.take(len(data) - r.pos)
    if len(rest) < 16:
        raise ValueError("shorter than a GCM tag")
    out["ciphertextLength"] = len(rest) - 16
    out["tag"] = rest[-16:].hex()
    return out


def wrap(data):
    """RecipientWrap.wrap (docs/envelope-format.md, "DEK wrap")."""
    r = Reader(data)
    version = r.u8()
    out = {"version": version}
    if version == 2:
        out["sealId"] = r.take(16).hex()
    elif version != 1:
        raise ValueError("wrap version %d" % version)
    out["enc"] = r.take(32).hex()
    out["sealedDek"] = r.take(32).hex()
    out["tag"] = r.take(16).hex()
    r.end()
    return out


def envelope_command(data):
    """transactions.envelope-commands value, layout v1 (docs/revocation-and-shredding.md, "Command layout")."""
    r = Reader(data)
    version = r.u8()
    if version != 1:
        raise ValueError("envelope command version %d" % version)
    kinds = {1: "REVOKE_ACCESS", 2: "SHRED"}
    kind = r.u8()
    if kind not in kinds:
        raise ValueError("envelope command kind %d" % kind)
    raw_id = r.take(16).hex()
    command_id = "-".join((raw_id[0:8], raw_id[8:12], raw_id[12:16], raw_id[16:20], raw_id[20:32]))
    issued = int.from_bytes(r.take(8), "big", signed=True)
    out = {"version": version, "kind": kinds[kind], "commandId": command_id,
           "issuedAt": datetime.datetime.fromtimestamp(issued / 1000, tz=datetime.timezone.utc)
           .strftime("%Y-%m-%dT%H:%M:%SZ")}
    for name in ("transactionId", "participantId", "requester", "reason"):
        out[name] = r.take(r.u16()).decode("utf-8")
    r.end()
    return out


def escrow_request(data):
    """escrow-requests value: Confluent frame + Avro EscrowRequest v1 (docs/escrow.md, "The escrow-requests record")."""
    schema_id, r = confluent_frame(data)
    out = {"schemaId": schema_id, "requestId": r.avro_string(), "transactionIds": r.avro_array(r.avro_string),
           "authorizationReference": r.avro_string(), "legalBasis": r.avro_string(), "reason": r.avro_string(),
           "fieldNames": r.avro_array(r.avro_string), "requestedBy": r.avro_string(),
           "requestedAt": r.avro_timestamp_millis(), "expiresAt": r.avro_timestamp_millis(),
           "state": r.avro_enum(ESCROW_STATE),
           "approvals": r.avro_array(lambda: {"officer": r.avro_string(), "approvedAt": r.avro_timestamp_millis()}),
           "closedBy": r.avro_optional(r.avro_string), "closedAt": r.avro_optional(r.avro_timestamp_millis),
           "closingReason": r.avro_optional(r.avro_string), "maxOpens": r.avro_int(), "opens": r.avro_int(),
           "lastOpenedAt": r.avro_optional(r.avro_timestamp_millis)}
    r.end()
    return out


def hex_or_none(value):
    return None if value is None else value.hex()


def read_hex(path):
    with open(path, encoding="ascii") as source:
        text = "".join(line.split("#", 1)[0] for line in source)
    return bytes.fromhex("".join(text.split()))


DECODERS = {"encrypted-transaction": encrypted_transaction, "envelope": envelope, "custody-record": custody_record,
            "ciphertext": ciphertext, "wrap": wrap, "view-entry": view_entry, "envelope-command": envelope_command,
            "escrow-request": escrow_request}


def main(argv):
    if len(argv) != 3 or argv[1] not in DECODERS:
        sys.stderr.write(__doc__)
        return 2
    print(json.dumps(DECODERS[argv[1]](read_hex(argv[2])), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
