package dev.ctx.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The audit dashboard queries the metric names of the audit-chain contract (docs/access-log-chain.md, sealer and
 * verifier) and the decisions the key service and processor export, and the audit alert group covers the contract's
 * failure modes.
 */
class AuditDashboardTest {

    private static final Path DASHBOARD =
            DeployFiles.ROOT.resolve("grafana").resolve("dashboards").resolve("ctx-audit.json");
    private static final Path ALERTS = DeployFiles.ROOT.resolve("prometheus").resolve("ctx-alerts.yaml");

    @Test
    void theDashboardShowsChainValiditySealerLagCheckpointAgeAndDecisions() {
        // When
        List<String> expressions = DeployFiles.dashboardExpressions(DeployFiles.json(DASHBOARD));

        // Then
        assertThat(expressions)
                .contains("min(ctx_audit_chain_valid)")
                .contains("max by (partition) (ctx_audit_sealer_lag_seconds)")
                .contains("time() - max by (partition) (ctx_audit_last_checkpoint_timestamp_seconds)")
                .anySatisfy(expression -> assertThat(expression)
                        .contains("keysvc_http_requests_seconds_count{route=\"/v1/access-requests\"}")
                        .contains("outcome"));
        Set<String> names = new TreeSet<>();
        expressions.forEach(expression -> names.addAll(DeployFiles.metricNames(expression)));
        assertThat(names)
                .contains(
                        "ctx_audit_sealed_total",
                        "ctx_audit_duplicates_total",
                        "ctx_audit_checkpoints_total",
                        "ctx_audit_checkpoint_failures_total",
                        "ctx_audit_chain_breaks_total",
                        "ctx_audit_verified_offset",
                        "ctx_processor_transactions_encrypted_total");
    }

    @Test
    void theAuditAlertsWatchTheChainTheSealerAndTheCheckpoints() {
        // When
        List<String> expressions =
                DeployFiles.ruleExpressions(DeployFiles.yamlDocuments(ALERTS).get(0));

        // Then
        assertThat(expressions)
                .anySatisfy(e -> assertThat(e).contains("ctx_audit_chain_valid) == 0", "ctx_audit_chain_breaks_total"))
                .anySatisfy(e -> assertThat(e).contains("absent(ctx_audit_chain_valid)"))
                .anySatisfy(e -> assertThat(e).contains("ctx_audit_sealer_lag_seconds"))
                .anySatisfy(e -> assertThat(e)
                        .contains("time() - max by (partition) " + "(ctx_audit_last_checkpoint_timestamp_seconds)"));
    }
}
