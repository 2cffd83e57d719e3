package io.foldline.chain.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.chain.evm.ChainTools;
import io.foldline.chain.evm.Compiled;
import io.foldline.chain.evm.SolcJs;
import io.foldline.circuits.groth16.VerifyingKey;
import io.foldline.crypto.bn254.G1Affine;
import io.foldline.crypto.bn254.G2Affine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The largest key the generator accepts still compiles under the EIP-170 code size limit. */
@Tag("interop")
class SolidityVerifierLimitTest {

    static VerifyingKey key(int nPublic) {
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i <= nPublic; i++) {
            ic.add(G1Affine.GENERATOR.mul(java.math.BigInteger.valueOf(1000 + i)));
        }
        return new VerifyingKey(G1Affine.GENERATOR.mul(java.math.BigInteger.valueOf(3)),
                G2Affine.GENERATOR.mul(java.math.BigInteger.valueOf(5)), G2Affine.GENERATOR.mul(java.math.BigInteger.valueOf(7)),
                G2Affine.GENERATOR.mul(java.math.BigInteger.valueOf(11)), ic);
    }

    @Test
    void maximumSizeKeyFitsTheCodeLimit() {
        ChainTools.require();
        int n = SolidityVerifier.MAX_PUBLIC_INPUTS;
        Compiled c = SolcJs.defaults().compile("Big.sol", SolidityVerifier.generate(key(n), "Big"), "Big");
        assertTrue(c.runtimeBytes() < Compiled.MAX_RUNTIME_BYTES, c.runtimeBytes() + " bytes for " + n + " inputs");
        assertTrue(c.runtimeBytes() > Compiled.MAX_RUNTIME_BYTES * 3 / 4, "the limit is not needlessly low: "
                + c.runtimeBytes() + " bytes");
    }

    @Test
    void rejectsKeysItCannotServe() {
        assertThrows(IllegalArgumentException.class,
                () -> SolidityVerifier.generate(key(SolidityVerifier.MAX_PUBLIC_INPUTS + 1), "TooBig"));
        assertThrows(IllegalArgumentException.class, () -> SolidityVerifier.generate(key(2), "not a name"));
        assertEquals(true, SolidityVerifier.generate(key(2), "Ok").contains("uint256[2] calldata _pubSignals"));
    }
}
