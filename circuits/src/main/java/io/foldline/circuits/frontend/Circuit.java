package io.foldline.circuits.frontend;

/**
 * A circuit in the manner of gnark's {@code Define(api)}: {@link #define} declares the public outputs,
 * public inputs and private inputs through {@code api} and builds the constraints relating them. It is
 * called once by {@link Compiler#compile}; the same call also records how the prover computes every
 * wire, so {@code define} must not branch on input values (it never sees any).
 */
@FunctionalInterface
public interface Circuit {
    void define(Api api);
}
