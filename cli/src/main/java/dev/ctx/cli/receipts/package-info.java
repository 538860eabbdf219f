/**
 * {@code bin/ctx receipts}: {@code verify --txn ID} checks a receipt's opening proof with no key; {@code prove-sum
 * --participant P --since T --key-file FILE} opens the participant's transactions locally and proves the sum of their
 * committed amounts (docs/receipts.md).
 */
package dev.ctx.cli.receipts;
