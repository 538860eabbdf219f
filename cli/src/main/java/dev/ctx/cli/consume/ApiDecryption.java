package dev.ctx.cli.consume;

import dev.ctx.client.access.AccessClient;
import dev.ctx.client.access.error.KeyServiceException;
import dev.ctx.client.access.error.KeyServiceUnreachableException;
import dev.ctx.client.fields.ConfidentialJson;
import dev.ctx.schemas.encrypted.EncryptedTransaction;

/** One access request per sealed record (checked and audited by the key service); a refusal names its reason. */
final class ApiDecryption implements Decryption {

    private final AccessClient client;
    private final String purpose;

    ApiDecryption(AccessClient client, String purpose) {
        this.client = client;
        this.purpose = purpose;
    }

    /** @throws KeyServiceUnreachableException if the key service does not answer (the command stops) */
    @Override
    public String open(EncryptedTransaction sealed) {
        try {
            return ConfidentialJson.object(client.requestAccess(sealed.getTransactionId(), purpose)
                            .fields())
                    .toString();
        } catch (KeyServiceUnreachableException e) {
            throw e;
        } catch (KeyServiceException e) {
            return "not opened: " + e.status() + (e.reason() == null ? "" : " " + e.reason());
        }
    }
}
