package io.foldline.circuits.quant;

import io.foldline.circuits.frontend.Variable;

/** A circuit value and the interval it provably lies in, which sizes the range checks applied to it. */
public record Signal(Variable v, Interval range) {
}
