package dev.ctx.cli.receipts;

import picocli.CommandLine.Command;

/** {@code bin/ctx receipts}: check and prove facts about confidential amounts without opening them. */
@Command(
        name = "receipts",
        mixinStandardHelpOptions = true,
        description = {
            "Privacy-preserving receipts (docs/receipts.md): verify a transaction's receipt or a proof the key"
                    + " service answered, or prove the sum (or, from custodial data, the range) of a participant's"
                    + " amounts without revealing them."
        },
        subcommands = {VerifyReceipt.class, ProveSum.class, ProveRange.class})
public final class ReceiptsCommand {}
