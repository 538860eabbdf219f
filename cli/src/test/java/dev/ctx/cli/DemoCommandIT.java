package dev.ctx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.ctx.cli.common.ExitCodes;
import dev.ctx.testkit.kafka.BrokerProperties;

/** The Quick start's run command, end to end, as a new user runs it (with fewer transactions and free ports). */
class DemoCommandIT {

    @TempDir
    Path dir;

    @Test
    void demoEncryptsEveryTransactionAndReadsASampleThroughTheAccessApi() {
        // Given
        StringWriter out = new StringWriter();
        CommandLine commandLine = Ctx.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        int kafkaPort = BrokerProperties.freeLoopbackPortPair();

        // When
        int exit = commandLine.execute(
                "demo",
                "-n",
                "300",
                "--rate",
                "1000",
                "--dir",
                dir.resolve("demo").toString(),
                "--kafka-port",
                Integer.toString(kafkaPort),
                "--registry-port",
                "0",
                "--key-service-port",
                "0",
                "--metrics-port",
                "0");

        // Then
        String output = out.toString();
        assertThat(exit).as(output).isEqualTo(ExitCodes.OK);
        assertThat(output)
                .containsPattern("transactions\\.encrypted\\s+300\\b")
                .containsPattern("transactions\\.dlq\\s+0\\b")
                .contains("registered client-1, miner-1, miner-2")
                .containsPattern("miner-1 \\(participant\\): 200, authorized by policy:txn-\\d+, released "
                        + "\\[(amount, settlementDetails|settlementDetails, amount)\\]")
                .contains("SECRET-txn-")
                .contains("pricing is not released for purpose settlement")
                .containsPattern("(client-1|miner-2) \\(not a participant\\): 403 NOT_A_PARTICIPANT, no data")
                .containsPattern("ACCESS_GRANTED +requester=miner-1 purpose=settlement authorizedBy=policy:txn-\\d+ "
                        + "dataAccessed=\\[(amount, settlementDetails|settlementDetails, amount)\\]")
                .containsPattern("ACCESS_DENIED +requester=(client-1|miner-2) purpose=settlement authorizedBy=null "
                        + "dataAccessed=\\[\\] reason=NOT_A_PARTICIPANT");
    }
}
