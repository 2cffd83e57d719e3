package io.foldline.circuits.groth16;

import io.foldline.circuits.snarkjs.Zkey;
import io.foldline.circuits.snarkjs.ZkeyFile;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Groth16 proving key ready for {@link Prover}: the snarkjs zkey content plus its QAP in row-major form
 * (built once, reused by every proof), and the verifying key it contains. Immutable and thread-safe.
 */
public final class ProvingKey {
    private final Zkey zkey;
    private final String source;
    private final Qap qap;
    private final VerifyingKey vk;
    private volatile PreparedVerifyingKey prepared;

    private ProvingKey(Zkey zkey, String source) {
        this.zkey = Objects.requireNonNull(zkey, "zkey");
        this.source = source;
        this.qap = Qap.of(zkey.domainSize(), zkey.nVars(), new Qap.Coefficients(zkey.coefMatrix(),
                zkey.coefConstraint(), zkey.coefSignal(), zkey.coefValues()), source);
        this.vk = VerifyingKey.of(zkey);
    }

    /** {@code source} names the key in error messages (a file name). */
    public static ProvingKey of(Zkey zkey, String source) {
        return new ProvingKey(zkey, source);
    }

    public static ProvingKey read(Path zkeyFile) {
        return of(ZkeyFile.read(zkeyFile), String.valueOf(zkeyFile.getFileName()));
    }

    public Zkey zkey() {
        return zkey;
    }

    public String source() {
        return source;
    }

    public VerifyingKey verifyingKey() {
        return vk;
    }

    /** The verifying key prepared once (for the prover's self-check). */
    public PreparedVerifyingKey preparedVerifyingKey() {
        PreparedVerifyingKey p = prepared;
        if (p == null) {
            p = PreparedVerifyingKey.prepare(vk);
            prepared = p;
        }
        return p;
    }

    public int nVars() {
        return zkey.nVars();
    }

    public int nPublic() {
        return zkey.nPublic();
    }

    public int domainSize() {
        return zkey.domainSize();
    }

    Qap qap() {
        return qap;
    }

    @Override
    public String toString() {
        return "ProvingKey[" + source + ", nVars=" + nVars() + ", nPublic=" + nPublic() + ", domain=" + domainSize() + "]";
    }
}
