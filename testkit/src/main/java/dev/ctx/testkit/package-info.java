/**
 * Real parts for tests and local runs: an in-process KRaft broker bound to loopback, a broker in a child JVM that can
 * be killed with SIGKILL, a JVM-wide shared broker, and a Confluent-compatible schema registry server.
 */
package dev.ctx.testkit;
