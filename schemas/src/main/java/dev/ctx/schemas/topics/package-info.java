/**
 * Topic provisioning shared by the processor and the key service: a {@link dev.ctx.schemas.topics.TopicSpec} per topic
 * (name, required cleanup policy, creation configs) and the {@link dev.ctx.schemas.topics.TopicProvisioner} that
 * creates the missing ones, tolerates another instance creating them at the same time, and refuses an existing topic
 * whose cleanup policy differs (a compacted key topic with {@code delete} would lose keys at retention).
 */
package dev.ctx.schemas.topics;
