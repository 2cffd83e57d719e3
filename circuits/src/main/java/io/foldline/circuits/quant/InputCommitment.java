package io.foldline.circuits.quant;

import io.foldline.circuits.frontend.Api;
import io.foldline.circuits.frontend.Bits;
import io.foldline.circuits.frontend.PoseidonGadget;
import io.foldline.circuits.frontend.Variable;
import io.foldline.crypto.bn254.Fr;
import io.foldline.crypto.poseidon.Poseidon;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The public input commitment {@code h_in = Poseidon(salt, pack(q))} of DESIGN.md section 2, natively and
 * as a gadget (see the package documentation for the exact packing and chaining). The gadget range-checks
 * every input digit, so pack is injective and h_in binds exactly one quantized input.
 */
public final class InputCommitment {
    /** Digits per packed element: their sum stays below 2^253 < r, so packing never wraps. */
    static int digitsPerElement(int bits) {
        return Bits.MAX_BITS / bits;
    }

    private InputCommitment() {
    }

    public static Fr commit(Fr salt, long[] q, InputSpec spec) {
        int per = digitsPerElement(spec.bits());
        List<Fr> elements = new ArrayList<>();
        elements.add(salt);
        for (int start = 0; start < q.length; start += per) {
            BigInteger acc = BigInteger.ZERO;
            for (int i = Math.min(q.length, start + per) - 1; i >= start; i--) {
                acc = acc.shiftLeft(spec.bits()).add(BigInteger.valueOf(q[i] + spec.offset()));
            }
            elements.add(Fr.of(acc));
        }
        return chain(elements, block -> Poseidon.hash(block.toArray(Fr[]::new)));
    }

    /** The gadget; {@code q} are the input wires, each asserted to lie in {@code spec.range()}. */
    public static Variable commit(Api api, Variable salt, Variable[] q, InputSpec spec) {
        try (Api.Scope s = api.gadget("input commitment")) {
            int per = digitsPerElement(spec.bits());
            Fr radix = Fr.of(BigInteger.ONE.shiftLeft(spec.bits()));
            List<Variable> elements = new ArrayList<>();
            elements.add(salt);
            for (int start = 0; start < q.length; start += per) {
                Variable acc = Variable.constant(0);
                for (int i = Math.min(q.length, start + per) - 1; i >= start; i--) {
                    Variable digit = q[i].add(spec.offset());
                    Bits.rangeCheck(api, digit, spec.bits());
                    acc = acc.mul(radix).add(digit);
                }
                elements.add(acc);
            }
            return chain(elements, block -> PoseidonGadget.hash(api, block.toArray(Variable[]::new)));
        }
    }

    /**
     * Hashes the first up-to-16 elements, then folds the rest in blocks of up to 15 behind the running
     * hash: {@code h = Poseidon(e_0..e_15)}, {@code h = Poseidon(h, e_16..e_30)}, ...
     */
    static <T> T chain(List<T> elements, Function<List<T>, T> hash) {
        int first = Math.min(elements.size(), Poseidon.MAX_INPUTS);
        T h = hash.apply(elements.subList(0, first));
        for (int start = first; start < elements.size(); start += Poseidon.MAX_INPUTS - 1) {
            List<T> block = new ArrayList<>();
            block.add(h);
            block.addAll(elements.subList(start, Math.min(elements.size(), start + Poseidon.MAX_INPUTS - 1)));
            h = hash.apply(block);
        }
        return h;
    }
}
