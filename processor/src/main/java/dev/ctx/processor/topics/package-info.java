/**
 * The processor's topics: their names, their specifications (cleanup policy and other configs from the design's
 * topic table) and the startup step that creates the missing ones or names them when creation is disabled.
 */
package dev.ctx.processor.topics;
