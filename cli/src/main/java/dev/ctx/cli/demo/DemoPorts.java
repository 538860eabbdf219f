package dev.ctx.cli.demo;

/**
 * Where the demo's components listen, all on 127.0.0.1.
 *
 * @param kafka Kafka client port (the controller takes the next port)
 * @param registry schema registry HTTP port
 * @param keyService key service HTTP port
 * @param metrics processor Prometheus port
 */
record DemoPorts(int kafka, int registry, int keyService, int metrics) {}
