/** Child JVMs of a test (a processor, a key service) that the test can SIGKILL, freeze and wake. */
package dev.ctx.testkit.process;
