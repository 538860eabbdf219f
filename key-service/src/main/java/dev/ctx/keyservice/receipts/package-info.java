/**
 * Receipt proofs from custodial data ({@code POST /v1/receipts/proofs}): for a participant whose key the service
 * holds, {@link dev.ctx.keyservice.receipts.ReceiptProofService} opens the named transactions' amounts and receipt
 * blindings inside the service, builds a sum, range or opening proof with the envelope's receipt classes and answers
 * it only after its {@code RECEIPT_PROOF_GENERATED} access event is committed; every refusal is one
 * {@code ACCESS_DENIED} event (docs/receipts.md).
 */
package dev.ctx.keyservice.receipts;
