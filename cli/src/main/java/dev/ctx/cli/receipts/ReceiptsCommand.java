package dev.ctx.cli.receipts;

import picocli.CommandLine.Command;

/** {@code bin/ctx receipts}: check and prove facts about confidential amounts without opening them. */
@Command(
        name = "receipts",
        mixinStandardHelpOptions = true,
        description = {
            "Privacy-preserving receipts (docs/receipts.md): verify a transaction's receipt, or prove the sum of a"
                    + " participant's amounts without revealing them."
        },
        subcommands = {VerifyReceipt.class, ProveSum.class})
public final class ReceiptsCommand {}
