/** The max-key-age rotation policy, applied periodically and on demand ({@code POST /v1/rotation/run}). */
package dev.ctx.keyservice.rotation;
