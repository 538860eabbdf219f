/**
 * Time-bound access grants: an operator or compliance officer lets a party read named transactions (or a participant's
 * transactions in a time range) for one purpose; grants and revocations live on a compacted topic and each is an
 * access event.
 *
 * <p>{@link dev.ctx.keyservice.grants.Grants} validates ({@link dev.ctx.keyservice.grants.GrantValidator}), commits
 * through a {@link dev.ctx.keyservice.grants.GrantLog} (the grant record and its {@code GRANT_CREATED} or
 * {@code GRANT_REVOKED} event in one transaction) and applies to the {@link dev.ctx.keyservice.grants.GrantTable},
 * which also takes what the replay and the follower of {@code access-grants} read; revocation is terminal there.
 * {@link dev.ctx.keyservice.grants.GrantBook#find} is what the access endpoint asks. Record layout: docs/grants.md.
 */
package dev.ctx.keyservice.grants;
