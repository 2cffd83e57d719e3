pragma circom 2.1.0;

include "bitify.circom";

// Exercises the wire order of r1cs/wtns: signals are declared out of order on purpose
// (a private input first, outputs last, public inputs in between) because circom always
// numbers them 1, public outputs, public inputs, private inputs, internal signals.
template SeveralPublics() {
    signal input secret;
    signal input x;
    signal input y;
    signal input blind[2];
    signal input tag;

    signal output sum;
    signal output product;
    signal output masked;

    // secret < 2^16: a bit decomposition (16 constraints + 1 linear).
    component bits = Num2Bits(16);
    bits.in <== secret;

    signal xs;
    xs <== x * secret;
    sum <== xs + y;

    signal b0;
    b0 <== blind[0] * blind[1];
    product <== b0 * y;

    // A few chained squares so the circuit has a couple of dozen constraints.
    signal acc[6];
    acc[0] <== secret + blind[0];
    for (var i = 1; i < 6; i++) {
        acc[i] <== acc[i - 1] * acc[i - 1] + i;
    }
    masked <== acc[5] * x;

    // tag is public: it must appear in a constraint or Groth16 leaves it unbound.
    signal tagSquare;
    tagSquare <== tag * tag;
}

component main {public [x, y, tag]} = SeveralPublics();
