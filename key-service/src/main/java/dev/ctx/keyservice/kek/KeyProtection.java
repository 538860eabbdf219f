package dev.ctx.keyservice.kek;

import java.util.List;

/**
 * The extractability attributes a PKCS#11 token reports for one secret-key object, and the rule a master KEK must meet.
 * {@code null} means the token did not report the attribute.
 *
 * @param extractable {@code CKA_EXTRACTABLE}
 * @param neverExtractable {@code CKA_NEVER_EXTRACTABLE}
 */
record KeyProtection(Boolean extractable, Boolean neverExtractable) {

    /**
     * Accepts only when at least one object labelled {@code alias} was found and every one reports
     * {@code CKA_EXTRACTABLE = false} and, where the token reports it, {@code CKA_NEVER_EXTRACTABLE = true}. Anything
     * else, including an unreadable {@code CKA_EXTRACTABLE}, is refused.
     *
     * @throws ExtractableKekException naming the alias and the failed attribute
     */
    static void requireNonExtractable(String alias, List<KeyProtection> objects) {
        if (objects.isEmpty()) {
            throw new ExtractableKekException(
                    alias,
                    ExtractableKekException.Reason.UNVERIFIABLE,
                    "cannot verify that KEK '" + alias
                            + "' is non-extractable: no secret-key object with that label is visible to the check");
        }
        for (KeyProtection object : objects) {
            if (object.extractable() == null) {
                throw new ExtractableKekException(
                        alias,
                        ExtractableKekException.Reason.UNVERIFIABLE,
                        "cannot verify that KEK '" + alias
                                + "' is non-extractable: the token does not report CKA_EXTRACTABLE");
            }
            if (object.extractable()) {
                throw new ExtractableKekException(
                        alias,
                        ExtractableKekException.Reason.EXTRACTABLE,
                        "the token's key '" + alias
                                + "' has CKA_EXTRACTABLE=true; a master KEK must be non-extractable");
            }
            if (Boolean.FALSE.equals(object.neverExtractable())) {
                throw new ExtractableKekException(
                        alias,
                        ExtractableKekException.Reason.ONCE_EXTRACTABLE,
                        "the token's key '"
                                + alias + "' has CKA_NEVER_EXTRACTABLE=false (it was "
                                + "extractable or imported); a master KEK must"
                                + " be generated non-extractable in the token");
            }
        }
    }
}
