/**
 * The processor's topics: their names and their specifications (cleanup policy from the design's topic table). The
 * startup step that creates the missing ones (or names them when creation is disabled) is the shared
 * {@link dev.ctx.schemas.topics.TopicProvisioner}.
 */
package dev.ctx.processor.topics;
