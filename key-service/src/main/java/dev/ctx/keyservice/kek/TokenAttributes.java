package dev.ctx.keyservice.kek;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code CKA_EXTRACTABLE} and {@code CKA_NEVER_EXTRACTABLE} of the secret keys labelled with an alias straight
 * from the PKCS#11 module, through the JDK's {@code sun.security.pkcs11.wrapper.PKCS11} (SunPKCS11 has no public API
 * for object attributes). That package is not exported: the JVM needs {@link #JVM_OPTION}; without it every read fails,
 * and the caller refuses the key.
 *
 * <p>The module is the one named by the SunPKCS11 config's {@code library} line, already initialised (and logged in)
 * by the provider; the check opens its own read-only sessions on every slot with a token and searches for
 * {@code CKO_SECRET_KEY}/{@code CKK_AES} objects whose {@code CKA_LABEL} is the alias (SunPKCS11's alias for a secret
 * key is its label). Reflection keeps the build on {@code --release 17}, which forbids exporting JDK-internal packages
 * at compile time.
 */
final class TokenAttributes {

    /** The JVM option the key service needs to run with a PKCS#11 KEK. */
    static final String JVM_OPTION = "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    // PKCS#11 v2.40 constants (pkcs11t.h)
    private static final long CKA_CLASS = 0x0L;
    private static final long CKA_LABEL = 0x3L;
    private static final long CKA_KEY_TYPE = 0x100L;
    private static final long CKA_EXTRACTABLE = 0x162L;
    private static final long CKA_NEVER_EXTRACTABLE = 0x164L;
    private static final long CKO_SECRET_KEY = 0x4L;
    private static final long CKK_AES = 0x1FL;
    private static final long CKF_SERIAL_SESSION = 0x4L;
    private static final long CKR_ATTRIBUTE_SENSITIVE = 0x11L;
    private static final long CKR_ATTRIBUTE_TYPE_INVALID = 0x12L;
    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    private static final Pattern LIBRARY = Pattern.compile("^\\s*library\\s*=\\s*(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Object p11;
    private final Method openSession;
    private final Method closeSession;
    private final Method slotList;
    private final Method findInit;
    private final Method find;
    private final Method findFinal;
    private final Method getAttributes;
    private final Constructor<?> attribute;
    private final Constructor<?> longAttribute;
    private final Constructor<?> objectAttribute;
    private final Field value;
    private final Method errorCode;
    private final Class<?> attributeType;

    private TokenAttributes(String library) throws ReflectiveOperationException {
        Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
        attributeType = Class.forName(WRAPPER + "CK_ATTRIBUTE");
        Class<?> attributes = attributeType.arrayType();
        Class<?> initArgs = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
        Class<?> notify = Class.forName(WRAPPER + "CK_NOTIFY");
        // omitInitialize: SunPKCS11 has already initialised the module (a second C_Initialize would fail)
        p11 = pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class)
                .invoke(null, library, "C_GetFunctionList", null, true);
        slotList = pkcs11.getMethod("C_GetSlotList", boolean.class);
        openSession = pkcs11.getMethod("C_OpenSession", long.class, long.class, Object.class, notify);
        closeSession = pkcs11.getMethod("C_CloseSession", long.class);
        findInit = pkcs11.getMethod("C_FindObjectsInit", long.class, attributes);
        find = pkcs11.getMethod("C_FindObjects", long.class, long.class);
        findFinal = pkcs11.getMethod("C_FindObjectsFinal", long.class);
        getAttributes = pkcs11.getMethod("C_GetAttributeValue", long.class, long.class, attributes);
        attribute = attributeType.getConstructor(long.class);
        longAttribute = attributeType.getConstructor(long.class, long.class);
        objectAttribute = attributeType.getConstructor(long.class, Object.class);
        value = attributeType.getField("pValue");
        errorCode = Class.forName(WRAPPER + "PKCS11Exception").getMethod("getErrorCode");
    }

    /**
     * The protection attributes of every AES secret key labelled {@code alias} that the module's sessions can see.
     *
     * @throws ExtractableKekException ({@code UNVERIFIABLE}) if the module cannot be queried
     */
    static List<KeyProtection> secretKeysLabelled(Path pkcs11Config, String alias) {
        String library = library(pkcs11Config);
        try {
            return new TokenAttributes(library).find(alias);
        } catch (InvocationTargetException e) {
            throw unverifiable(
                    alias,
                    e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unverifiable(alias, e.getClass().getSimpleName() + "; run the JVM with " + JVM_OPTION, e);
        }
    }

    /** The {@code library} of a SunPKCS11 config file, quotes removed and {@code ${property}} expanded. */
    static String library(Path pkcs11Config) {
        String text;
        try {
            text = Files.readString(pkcs11Config);
        } catch (IOException e) {
            throw new KekException("cannot read the PKCS#11 config " + pkcs11Config.getFileName(), e);
        }
        Matcher matcher = LIBRARY.matcher(text);
        if (!matcher.find()) {
            throw new KekException("the PKCS#11 config " + pkcs11Config.getFileName() + " names no library; the KEK's"
                    + " attributes cannot be checked");
        }
        String library = matcher.group(1);
        if (library.length() >= 2 && library.startsWith("\"") && library.endsWith("\"")) {
            library = library.substring(1, library.length() - 1);
        }
        Matcher property = PROPERTY.matcher(library);
        StringBuilder expanded = new StringBuilder();
        while (property.find()) {
            String replacement = System.getProperty(property.group(1));
            if (replacement == null) {
                throw new KekException("the PKCS#11 config " + pkcs11Config.getFileName() + " uses the undefined"
                        + " property ${" + property.group(1) + "} in its library");
            }
            property.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        property.appendTail(expanded);
        return expanded.toString();
    }

    private List<KeyProtection> find(String alias) throws ReflectiveOperationException {
        List<KeyProtection> found = new ArrayList<>();
        for (long slot : (long[]) slotList.invoke(p11, true)) {
            long session;
            try {
                session = (long) openSession.invoke(p11, slot, CKF_SERIAL_SESSION, null, null);
            } catch (InvocationTargetException e) {
                continue; // e.g. an uninitialised token: it holds no KEK
            }
            try {
                for (long object : objectsLabelled(session, alias)) {
                    found.add(new KeyProtection(
                            flag(session, object, CKA_EXTRACTABLE), flag(session, object, CKA_NEVER_EXTRACTABLE)));
                }
            } finally {
                try {
                    closeSession.invoke(p11, session);
                } catch (InvocationTargetException ignored) {
                    // the result stands; a session that will not close changes nothing about the key
                }
            }
        }
        return found;
    }

    private List<Long> objectsLabelled(long session, String alias) throws ReflectiveOperationException {
        Object template = attributes(
                longAttribute.newInstance(CKA_CLASS, CKO_SECRET_KEY),
                longAttribute.newInstance(CKA_KEY_TYPE, CKK_AES),
                objectAttribute.newInstance(CKA_LABEL, alias));
        findInit.invoke(p11, session, template);
        List<Long> objects = new ArrayList<>();
        try {
            long[] batch;
            do {
                batch = (long[]) find.invoke(p11, session, 16L);
                for (long object : batch) {
                    objects.add(object);
                }
            } while (batch.length > 0 && objects.size() < 1024);
        } finally {
            findFinal.invoke(p11, session);
        }
        return objects;
    }

    /** The boolean attribute, or {@code null} if the token does not report it; other failures propagate. */
    private Boolean flag(long session, long object, long type) throws ReflectiveOperationException {
        Object template = attributes(attribute.newInstance(type));
        try {
            getAttributes.invoke(p11, session, object, template);
        } catch (InvocationTargetException e) {
            long code = (long) errorCode.invoke(e.getCause());
            if (code == CKR_ATTRIBUTE_TYPE_INVALID || code == CKR_ATTRIBUTE_SENSITIVE) {
                return null;
            }
            throw e;
        }
        return value.get(Array.get(template, 0)) instanceof Boolean flag ? flag : null;
    }

    private Object attributes(Object... elements) {
        Object array = Array.newInstance(attributeType, elements.length);
        for (int i = 0; i < elements.length; i++) {
            Array.set(array, i, elements[i]);
        }
        return array;
    }

    private static ExtractableKekException unverifiable(String alias, String detail, Throwable cause) {
        return new ExtractableKekException(
                alias,
                ExtractableKekException.Reason.UNVERIFIABLE,
                "cannot verify that KEK '" + alias + "' is non-extractable (" + detail + ")",
                cause);
    }
}
