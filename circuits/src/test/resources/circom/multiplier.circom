pragma circom 2.1.0;

// The smallest useful Groth16 statement: knowledge of a factorisation of the public c.
template Multiplier() {
    signal input a;
    signal input b;
    signal output c;

    c <== a * b;
}

component main = Multiplier();
