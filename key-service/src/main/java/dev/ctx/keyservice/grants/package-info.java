/**
 * Time-bound access grants: an operator or compliance officer lets a party read named transactions (or a participant's
 * transactions in a time range) for one purpose; grants and revocations live on a compacted topic and each is an
 * access event.
 */
package dev.ctx.keyservice.grants;
