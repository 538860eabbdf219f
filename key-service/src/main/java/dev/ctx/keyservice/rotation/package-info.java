/**
 * The max-key-age rotation policy ({@link dev.ctx.keyservice.rotation.MaxAgeRotation}), applied periodically by
 * {@link dev.ctx.keyservice.rotation.RotationScheduler} and on demand ({@code POST /v1/rotation/run}); each rotation
 * itself is a {@link dev.ctx.keyservice.participants.KeyLifecycle} change.
 */
package dev.ctx.keyservice.rotation;
