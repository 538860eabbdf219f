package dev.ctx.cli.consume;

import dev.ctx.client.fields.ConfidentialJson;
import dev.ctx.client.local.LocalOpener;
import dev.ctx.envelope.error.EnvelopeException;
import dev.ctx.schemas.encrypted.EncryptedTransaction;
import dev.ctx.schemas.encrypted.Envelope;

/** Opens sealed records locally with the participant's own key files and the envelopes topic; no key service. */
final class LocalDecryption implements Decryption {

    private final LocalOpener opener;
    private final EnvelopeView envelopes;
    private final String envelopesTopic;

    LocalDecryption(LocalOpener opener, EnvelopeView envelopes, String envelopesTopic) {
        this.opener = opener;
        this.envelopes = envelopes;
        this.envelopesTopic = envelopesTopic;
    }

    @Override
    public String open(EncryptedTransaction sealed) {
        return envelopes
                .find(sealed.getTransactionId(), envelopesTopic)
                .map(envelope -> openWith(sealed, envelope))
                .orElse("not opened: no envelope (crypto-shredded, or not written yet)");
    }

    private String openWith(EncryptedTransaction sealed, Envelope envelope) {
        try {
            return ConfidentialJson.object(opener.open(sealed, envelope)).toString();
        } catch (EnvelopeException e) {
            return "not opened: " + e.getClass().getSimpleName();
        }
    }

    @Override
    public void close() {
        envelopes.close();
    }
}
