/** Local directories of brokers and local runs. */
package dev.ctx.testkit.files;
