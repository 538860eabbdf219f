/**
 * Access requests: who may read which confidential fields of an encrypted transaction, for which purpose. The
 * {@link dev.ctx.keyservice.access.AccessDecider} checks participant, registry state, the transaction's access policy,
 * grants and the purpose's access level; {@link dev.ctx.keyservice.access.AccessService} opens what it allows with a
 * custodial key and releases the answer only after its access event is committed (fail closed).
 */
package dev.ctx.keyservice.access;
