package dev.ctx.benchmarks.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.avro.Conversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.ctx.envelope.format.FormatVersion;
import dev.ctx.envelope.format.SealId;

/**
 * Baselines in the same run: AES-256-GCM of the ~400-byte payload with a new key and nonce on a reused JDK Cipher
 * (the floor of the payload part), one BC X25519 scalar multiplication (the unit every wrap and open pays), and
 * BouncyCastle's own {@code HPKE} seal/open of a 32-byte DEK (the library we would otherwise use).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class BaselineBenchmark {

    private static final byte[] INFO = "ctx-wrap baseline info".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private final HPKE bc =
            new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    private final byte[] aad =
            ConfidentialPayload.context("tx-bench-3").aad(FormatVersion.CURRENT, SealId.of(new byte[SealId.LENGTH]));
    private final byte[] dek = new byte[32];
    private final byte[] nonce = new byte[12];
    private final byte[] scalar = new byte[32];
    private final byte[] peer = new byte[32];
    private final byte[] shared = new byte[32];
    private Cipher cipher;
    private byte[] payload;
    private AsymmetricCipherKeyPair bcRecipient;
    private AsymmetricKeyParameter bcRecipientPublic;
    private byte[][] bcSealed;

    @Setup
    public void setUp() throws Exception {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(ConfidentialPayload.SCHEMA, withDecimals())
                .write(ConfidentialPayload.record(), encoder);
        payload = out.toByteArray();
        X25519.generatePrivateKey(random, scalar);
        byte[] other = new byte[32];
        X25519.generatePrivateKey(random, other);
        X25519.generatePublicKey(other, 0, peer, 0);
        bcRecipient = bc.generatePrivateKey();
        bcRecipientPublic = bcRecipient.getPublic();
        bcSealed = bc.seal(bcRecipientPublic, INFO, aad, dek, null, null, null);
    }

    @Benchmark
    public byte[] aes256GcmPayloadNewKeyAndNonce() throws GeneralSecurityException {
        random.nextBytes(dek);
        random.nextBytes(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dek, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(payload);
    }

    @Benchmark
    public byte[] x25519ScalarMult() {
        X25519.scalarMult(scalar, 0, peer, 0, shared, 0);
        return shared;
    }

    @Benchmark
    public byte[][] bouncyCastleHpkeSealDek() throws InvalidCipherTextException {
        return bc.seal(bcRecipientPublic, INFO, aad, dek, null, null, null);
    }

    @Benchmark
    public byte[] bouncyCastleHpkeOpenDek() throws InvalidCipherTextException {
        return bc.open(bcSealed[1], bcRecipient, INFO, aad, bcSealed[0], null, null, null);
    }

    private static GenericData withDecimals() {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        return data;
    }
}
