/**
 * {@code bin/ctx receipts}: {@code verify --txn ID} checks a receipt's opening proof with no key; {@code prove-sum
 * --participant P --since T --key-file FILE} opens the participant's transactions locally and proves the sum of their
 * committed amounts (docs/receipts.md); without {@code --key-file}, and for {@code prove-range --participant P
 * --txn ID}, the key service proves from custodial data and the command verifies its answer offline ({@code verify
 * --proof FILE} verifies a saved answer).
 */
package dev.ctx.cli.receipts;
